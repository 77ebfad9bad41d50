// The routes of the whole auction night (API.md), each with its shape and statuses, over a
// real server on a socket.
#include "apitestserver.h"

#include <QJsonArray>
#include <QJsonObject>

using BidTracker::Testing::ApiTestServer;
using BidTracker::Testing::HttpReply;
using BidTracker::Testing::isRefusal;

namespace {

QString api(const QString& path)
{
    return QStringLiteral("/api/v1") + path;
}

QString api(const char* path)
{
    return api(QString::fromUtf8(path));
}

/// A server on an empty auction (no sample rows), so ids and numbers are known.
struct Night
{
    ApiTestServer server{ApiTestServer::defaultSettings(), false};

    HttpReply post(const char* path, const QByteArray& body)
    {
        return server.post(api(path), body);
    }
    HttpReply put(const char* path, const QByteArray& body)
    {
        return server.request("PUT", api(path), body);
    }
    HttpReply get(const char* path) { return server.get(api(path)); }
};

} // namespace

TEST(ApiSettings, ReadsEverySettingAndChangesOnlyThoseSent)
{
    Night night;
    const auto initial = night.get("/settings");
    ASSERT_EQ(initial.status, 200);
    const QJsonObject defaults = initial.object()["settings"].toObject();
    EXPECT_EQ(defaults["name"].toString(), u"Auction");
    EXPECT_EQ(defaults["currency"].toString(), u"USD");
    EXPECT_EQ(defaults["buyers_premium"].toDouble(), 0.0);
    EXPECT_EQ(defaults["increments"].toArray(), QJsonArray());
    EXPECT_EQ(defaults["soft_close"].toObject()["window_seconds"].toInt(), 0);
    EXPECT_EQ(defaults["first_bidder_number"].toInt(), 100);
    EXPECT_TRUE(defaults["close_all_at"].isNull());
    // WHEN some are changed
    const auto changed =
        night.put("/settings",
                  R"({"settings": {"name": "Spring Gala", "buyers_premium": 15, "tax_rate": 8.25,
             "increments": [{"from": 0, "step": 0.05}, {"from": 100, "step": 5}],
             "soft_close": {"window_seconds": 120, "extend_seconds": 60, "max_extend_seconds": 600},
             "close_all_at": "2026-12-05T21:00:00.000Z"}})");
    ASSERT_EQ(changed.status, 200) << changed.body.toStdString();
    // THEN the answer and a later read carry them, the others unchanged
    const QJsonObject read = night.get("/settings").object()["settings"].toObject();
    EXPECT_EQ(read, changed.object()["settings"].toObject());
    EXPECT_EQ(read["name"].toString(), u"Spring Gala");
    EXPECT_EQ(read["buyers_premium"].toDouble(), 15.0);
    EXPECT_EQ(read["tax_rate"].toDouble(), 8.25);
    EXPECT_EQ(read["currency"].toString(), u"USD");
    EXPECT_EQ(read["increments"].toArray()[0].toObject()["step"].toDouble(), 0.05);
    EXPECT_EQ(read["increments"].toArray()[1].toObject()["from"].toDouble(), 100.0);
    EXPECT_EQ(read["soft_close"].toObject()["max_extend_seconds"].toInt(), 600);
    EXPECT_EQ(read["close_all_at"].toString(), u"2026-12-05T21:00:00.000Z");
    EXPECT_EQ(night.server.auction().service().settings()->taxRate, 825);
    // AND close_all_at null clears it
    ASSERT_EQ(night.put("/settings", R"({"settings": {"close_all_at": null}})").status, 200);
    EXPECT_TRUE(night.get("/settings").object()["settings"]["close_all_at"].isNull());
}

TEST(ApiBidders, TakePaddleNumbersContactFieldsAndCheckIn)
{
    Night night;
    // A bidder left to the next free number, another asking for 107 with contact fields
    const auto first = night.post("/users", R"({"name": "Albert"})");
    ASSERT_EQ(first.status, 201);
    EXPECT_EQ(first.object()["number"].toInt(), 100);
    EXPECT_TRUE(first.object()["checked_in_at"].isNull());
    const auto chen = night.post("/users", R"({"name": "Chen Wei", "number": 107,
        "phone": "+1 555 0100", "email": "chen@example.org", "tax_exempt": true})");
    ASSERT_EQ(chen.status, 201) << chen.body.toStdString();
    EXPECT_EQ(chen.object()["user_id"].toString(), u"user2");
    EXPECT_EQ(chen.object()["number"].toInt(), 107);
    EXPECT_EQ(chen.object()["email"].toString(), u"chen@example.org");
    EXPECT_TRUE(chen.object()["tax_exempt"].toBool());
    // GET /users?number= answers the map of just that bidder, or an empty one
    const auto byNumber = night.get("/users?number=107");
    ASSERT_EQ(byNumber.status, 200);
    EXPECT_EQ(byNumber.object().keys(), QStringList{QStringLiteral("user2")});
    EXPECT_EQ(byNumber.header("X-Total-Count"), "1");
    EXPECT_TRUE(night.get("/users?number=108").object().isEmpty());
    // PUT changes only what it sends
    const auto edited = night.put("/users/user2", R"({"phone": "", "tax_exempt": false})");
    ASSERT_EQ(edited.status, 200) << edited.body.toStdString();
    EXPECT_EQ(edited.object()["name"].toString(), u"Chen Wei");
    EXPECT_EQ(edited.object()["phone"].toString(), u"");
    EXPECT_FALSE(edited.object()["tax_exempt"].toBool());
    EXPECT_EQ(edited.object()["number"].toInt(), 107);
    // Check-in stamps the time
    const auto checkedIn = night.post("/users/user2/check-in", {});
    ASSERT_EQ(checkedIn.status, 200) << checkedIn.body.toStdString();
    EXPECT_TRUE(checkedIn.object()["checked_in_at"].toString().endsWith(u'Z'));
    EXPECT_EQ(night.get("/users/user2").object()["checked_in_at"],
              checkedIn.object()["checked_in_at"]);
}

TEST(ApiBidders, BidByPaddleNumber)
{
    Night night;
    ASSERT_EQ(night.post("/users", R"({"name": "Chen Wei", "number": 105})").status, 201);
    ASSERT_EQ(night.post("/items", R"({"item": {"name": "Vase"}})").status, 201);
    const auto bid = night.post("/bids", R"({"bid": {"item": "item1", "value": 20, "user": 105}})");
    ASSERT_EQ(bid.status, 201) << bid.body.toStdString();
    EXPECT_EQ(bid.object()["bid"]["user"].toString(), u"user1");
    const auto byId =
        night.post("/bids", R"({"bid": {"item": "item1", "value": 30, "user": "user1"}})");
    EXPECT_EQ(byId.status, 201);
}

TEST(ApiItems, CarryDescriptionDonorAndFairMarketValue)
{
    Night night;
    const auto created = night.post("/items", R"({"item": {"name": "Lake cabin weekend",
        "description": "Two nights by the lake", "donor": "The Ortegas", "fair_market_value": 450}})");
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const QJsonObject item = created.object()["item"].toObject();
    EXPECT_EQ(item["description"].toString(), u"Two nights by the lake");
    EXPECT_EQ(item["donor"].toString(), u"The Ortegas");
    EXPECT_EQ(item["fair_market_value"].toDouble(), 450.0);
    const auto cleared = night.put("/items/item1", R"({"item": {"fair_market_value": null}})");
    ASSERT_EQ(cleared.status, 200);
    EXPECT_TRUE(night.get("/items/item1").object()["item"]["fair_market_value"].isNull());
    EXPECT_EQ(night.get("/items/item1").object()["item"]["donor"].toString(), u"The Ortegas");
}

TEST(ApiInvoice, IsTheShapeOfApiMdToTheCent)
{
    // GIVEN API.md's example: premium 15 %, tax 5 %, Chen Wei (107) won a lot at 100.00,
    // leads an open one at 1,500.00, gave 250.00 and paid 20.00
    Night night;
    ASSERT_EQ(
        night.put("/settings", R"({"settings": {"buyers_premium": 15, "tax_rate": 5}})").status,
        200);
    for (int i = 1; i <= 6; ++i)
        ASSERT_EQ(
            night.post("/users", QStringLiteral(R"({"name": "Bidder %1"})").arg(i).toUtf8()).status,
            201);
    ASSERT_EQ(night.post("/users", R"({"name": "Chen Wei", "number": 107})").status, 201);
    for (const char* name : {"Print", "Quilt", "Lake cabin weekend", "Wine", "Necklace"})
        ASSERT_EQ(night
                      .post("/items", QStringLiteral(R"({"item": {"name": "%1"}})")
                                          .arg(QString::fromUtf8(name))
                                          .toUtf8())
                      .status,
                  201);
    ASSERT_EQ(
        night.post("/bids", R"({"bid": {"item": "item3", "value": 100, "user": 107}})").status,
        201);
    ASSERT_EQ(
        night.post("/bids", R"({"bid": {"item": "item5", "value": 1500, "user": "user7"}})").status,
        201);
    ASSERT_EQ(night.put("/items/item3", R"({"item": {"status": "closed"}})").status, 200);
    const auto gift = night.post("/users/user7/donations",
                                 R"({"donation": {"amount": 250, "note": "Fund-a-need"}})");
    ASSERT_EQ(gift.status, 201) << gift.body.toStdString();
    EXPECT_EQ(gift.object()["donation_id"].toString(), u"donation1");
    const auto paid =
        night.post("/users/user7/payments",
                   R"({"payment": {"amount": 20, "method": "cash", "reference": "r-1"}})");
    ASSERT_EQ(paid.status, 201) << paid.body.toStdString();
    // WHEN the invoice is read
    const auto reply = night.get("/users/user7/invoice");
    ASSERT_EQ(reply.status, 200);
    // THEN it is API.md's, field for field
    const QJsonObject expected = QJsonDocument::fromJson(R"({"invoice": {"user_id": "user7",
        "number": 107, "name": "Chen Wei",
        "lines": [{"item_id": "item3", "name": "Lake cabin weekend", "hammer": 100.0, "premium": 15.0}],
        "donations": [{"donation_id": "donation1", "amount": 250.0, "note": "Fund-a-need"}],
        "pending": [{"item_id": "item5", "name": "Necklace", "value": 1500.0}],
        "hammer": 100.0, "premium": 15.0, "tax": 5.75, "donations_total": 250.0,
        "total": 370.75, "paid": 20.0, "balance": 350.75, "status": "partial"}})")
                                     .object();
    EXPECT_EQ(reply.object(), expected) << reply.body.toStdString();
}

TEST(ApiPayments, AreTakenListedAndVoidedNeverAboveTheBalance)
{
    Night night;
    ASSERT_EQ(night.post("/users", R"({"name": "Chen Wei"})").status, 201);
    ASSERT_EQ(night.post("/items", R"({"item": {"name": "Vase"}})").status, 201);
    ASSERT_EQ(
        night.post("/bids", R"({"bid": {"item": "item1", "value": 50.25, "user": 100}})").status,
        201);
    ASSERT_EQ(night.put("/items/item1", R"({"item": {"status": "closed"}})").status, 200);
    // A payment answers 201 with its shape
    const auto first =
        night.post("/users/user1/payments",
                   R"({"payment": {"amount": "30", "method": "check", "reference": "#1042"}})");
    ASSERT_EQ(first.status, 201) << first.body.toStdString();
    const QJsonObject body = first.object()["payment"].toObject();
    EXPECT_EQ(first.object()["payment_id"].toString(), u"payment1");
    EXPECT_EQ(body["user"].toString(), u"user1");
    EXPECT_EQ(body["amount"].toDouble(), 30.0);
    EXPECT_EQ(body["method"].toString(), u"check");
    EXPECT_EQ(body["reference"].toString(), u"#1042");
    EXPECT_FALSE(body["voided"].toBool());
    EXPECT_TRUE(body["paid_at"].toString().endsWith(u'Z'));
    // More than the balance (20.25) is refused, naming it
    const QString before = night.server.snapshot();
    const auto tooMuch =
        night.post("/users/user1/payments", R"({"payment": {"amount": 20.26, "method": "cash"}})");
    EXPECT_TRUE(isRefusal(tooMuch, 409, "over_balance"));
    EXPECT_EQ(tooMuch.fact(QStringLiteral("balance")).toDouble(), 20.25);
    EXPECT_EQ(tooMuch.fact(QStringLiteral("user")).toString(), u"user1");
    EXPECT_TRUE(tooMuch.object()["message"].toString().contains(u"20.25"))
        << tooMuch.body.toStdString();
    EXPECT_EQ(night.server.snapshot(), before);
    // Exactly the balance settles it
    ASSERT_EQ(
        night.post("/users/user1/payments", R"({"payment": {"amount": 20.25, "method": "card"}})")
            .status,
        201);
    EXPECT_EQ(night.get("/users/user1/invoice").object()["invoice"]["status"].toString(), u"paid");
    // Voiding keeps the payment, marked, out of the sums; a second void is a conflict
    const auto voided =
        night.server.request("DELETE", api("/payments/payment1?reason=Check%20bounced"));
    EXPECT_EQ(voided.status, 204);
    const QJsonArray list = night.get("/users/user1/payments").json().array();
    ASSERT_EQ(list.size(), 2);
    EXPECT_TRUE(list[0]["payment"]["voided"].toBool());
    EXPECT_EQ(list[0]["payment"]["void_reason"].toString(), u"Check bounced");
    EXPECT_FALSE(list[1]["payment"]["voided"].toBool());
    const QJsonObject invoice = night.get("/users/user1/invoice").object()["invoice"].toObject();
    EXPECT_EQ(invoice["paid"].toDouble(), 20.25);
    EXPECT_EQ(invoice["balance"].toDouble(), 30.0);
    const auto again = night.server.request("DELETE", api("/payments/payment1"));
    EXPECT_TRUE(isRefusal(again, 409, "already_voided"));
    EXPECT_TRUE(again.object()["message"].toString().contains(u"already voided"));
    EXPECT_EQ(again.fact(QStringLiteral("payment")).toString(), u"payment1");
}

TEST(ApiPayments, ACreditShowsAsANegativeBalance)
{
    Night night;
    ASSERT_EQ(night.post("/users", R"({"name": "Chen Wei"})").status, 201);
    ASSERT_EQ(night.post("/items", R"({"item": {"name": "Vase"}})").status, 201);
    ASSERT_EQ(night.post("/bids", R"({"bid": {"item": "item1", "value": 40, "user": 100}})").status,
              201);
    ASSERT_EQ(night.put("/items/item1", R"({"item": {"status": "closed"}})").status, 200);
    ASSERT_EQ(
        night.post("/users/user1/payments", R"({"payment": {"amount": 40, "method": "cash"}})")
            .status,
        201);
    ASSERT_EQ(night.put("/items/item1", R"({"item": {"status": "open"}})").status, 200);
    const QJsonObject invoice = night.get("/users/user1/invoice").object()["invoice"].toObject();
    EXPECT_EQ(invoice["balance"].toDouble(), -40.0);
    EXPECT_EQ(invoice["status"].toString(), u"credit");
    EXPECT_EQ(invoice["pending"].toArray().size(), 1);
    EXPECT_TRUE(invoice["lines"].toArray().isEmpty());
}

TEST(ApiDonations, AreAddedListedAndDeleted)
{
    Night night;
    ASSERT_EQ(night.post("/users", R"({"name": "Chen Wei"})").status, 201);
    const auto added = night.post("/users/user1/donations",
                                  R"({"donation": {"amount": 99.99, "note": "Paddle raise"}})");
    ASSERT_EQ(added.status, 201) << added.body.toStdString();
    EXPECT_EQ(added.object()["donation"]["amount"].toDouble(), 99.99);
    EXPECT_EQ(added.object()["donation"]["user"].toString(), u"user1");
    const QJsonArray list = night.get("/users/user1/donations").json().array();
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list[0]["donation"]["note"].toString(), u"Paddle raise");
    EXPECT_EQ(night.get("/users/user1/invoice").object()["invoice"]["total"].toDouble(), 99.99);
    EXPECT_EQ(night.server.request("DELETE", api("/donations/donation1")).status, 204);
    EXPECT_TRUE(night.get("/users/user1/donations").json().array().isEmpty());
    EXPECT_TRUE(isRefusal(night.server.request("DELETE", api("/donations/donation1")), 404,
                          "unknown_donation"));
    // A user with money on record cannot be deleted
    ASSERT_EQ(night.post("/users/user1/donations", R"({"donation": {"amount": 5}})").status, 201);
    const auto refused = night.server.request("DELETE", api("/users/user1"));
    EXPECT_TRUE(isRefusal(refused, 409, "has_payments"));
    EXPECT_TRUE(refused.object()["message"].toString().contains(u"donation"));
    EXPECT_EQ(refused.fact(QStringLiteral("donation_count")).toInt(), 1);
}

TEST(ApiSummary, SumsTheNightAndTheExportsListIt)
{
    // GIVEN premium 10 %, two winners, a donation and payments (one voided)
    Night night;
    ASSERT_EQ(
        night.put("/settings", R"({"settings": {"buyers_premium": 10, "tax_rate": 5}})").status,
        200);
    ASSERT_EQ(night.post("/users", R"({"name": "Albert"})").status, 201);
    ASSERT_EQ(night.post("/users", R"({"name": "Berry, \"B\""})").status, 201);
    for (int i = 1; i <= 3; ++i)
        ASSERT_EQ(
            night.post("/items", QStringLiteral(R"({"item": {"name": "Lot %1"}})").arg(i).toUtf8())
                .status,
            201);
    ASSERT_EQ(
        night.post("/bids", R"({"bid": {"item": "item1", "value": 100, "user": 100}})").status,
        201);
    ASSERT_EQ(
        night.post("/bids", R"({"bid": {"item": "item2", "value": 10.05, "user": 101}})").status,
        201);
    for (const char* lot : {"/items/item1", "/items/item2", "/items/item3"})
        ASSERT_EQ(night.put(lot, R"({"item": {"status": "closed"}})").status, 200);
    ASSERT_EQ(night.post("/users/user2/donations", R"({"donation": {"amount": 50}})").status, 201);
    ASSERT_EQ(
        night.post("/users/user1/payments", R"({"payment": {"amount": 115.5, "method": "card"}})")
            .status,
        201);
    ASSERT_EQ(
        night.post("/users/user2/payments", R"({"payment": {"amount": 10, "method": "cash"}})")
            .status,
        201);
    ASSERT_EQ(night.server.request("DELETE", api("/payments/payment2")).status, 204);
    // WHEN the summary is read
    const auto reply = night.get("/reports/summary");
    ASSERT_EQ(reply.status, 200);
    // THEN: user1 100.00 + 10.00 + tax 5.50 = 115.50, paid; user2 10.05 + 1.01 (1.005 rounded
    // up) + tax 0.55 (11.06 x 5 % = 0.553) + 50.00 = 61.61, unpaid
    const QJsonObject expected = QJsonDocument::fromJson(R"({"summary": {
        "lots": {"total": 3, "open": 0, "sold": 2, "unsold": 1},
        "hammer": 110.05, "premium": 11.01, "tax": 6.05, "donations": 50.0, "invoiced": 177.11,
        "paid": {"cash": 0.0, "check": 0.0, "card": 115.5, "other": 0.0, "total": 115.5},
        "outstanding": 61.61, "bidders_with_balance": 1}})")
                                     .object();
    EXPECT_EQ(reply.object(), expected) << reply.body.toStdString();
    // AND invoices.csv has one row per bidder with an invoice, payments.csv every payment
    const auto invoices = night.get("/export/invoices.csv");
    ASSERT_EQ(invoices.status, 200);
    EXPECT_EQ(invoices.header("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(invoices.header("Content-Disposition"), "attachment; filename=\"invoices.csv\"");
    EXPECT_EQ(invoices.body,
              "user_id,number,name,hammer,premium,tax,donations,total,paid,balance,status\r\n"
              "user1,100,Albert,100.00,10.00,5.50,0.00,115.50,115.50,0.00,paid\r\n"
              "user2,101,\"Berry, \"\"B\"\"\",10.05,1.01,0.55,50.00,61.61,0.00,61.61,unpaid\r\n");
    const auto payments = night.get("/export/payments.csv");
    ASSERT_EQ(payments.status, 200);
    const QList<QByteArray> rows = payments.body.split('\n');
    ASSERT_EQ(rows.size(), 4) << payments.body.toStdString(); // header, two rows, the end
    EXPECT_EQ(rows[0], "payment_id,user_id,number,name,amount,method,reference,paid_at,voided_at,"
                       "void_reason\r");
    EXPECT_TRUE(rows[1].startsWith("payment1,user1,100,Albert,115.50,card,,"));
    EXPECT_TRUE(rows[2].startsWith("payment2,user2,101,\"Berry, \"\"B\"\"\",10.00,cash,,"));
    EXPECT_TRUE(rows[2].contains("Z,20")) << rows[2].toStdString(); // voided_at is set
}
