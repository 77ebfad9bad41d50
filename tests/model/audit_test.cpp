// The audit log (RULES.md 5): one entry per change with what changed, a hash chain that
// shows any edit, and one chain for two stations. On SQLite and on PostgreSQL.
#include "model/staffservice.h"
#include "model/storage/staffstorage.h"
#include "support/testauction.h"
#include "support/testpostgres.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <thread>

using namespace BidTracker::Model;
using BidTracker::Testing::openDatabase;
using BidTracker::Testing::TestAuction;
using BidTracker::Testing::TestPostgres;

namespace {

QList<AuditEntry> entries(Database& db)
{
    QList<AuditEntry> all;
    EXPECT_TRUE(StaffStorage(db).forEachAudit([&](const AuditEntry& entry) {
        all.append(entry);
        return true;
    }));
    return all;
}

QJsonObject object(const QByteArray& json)
{
    return QJsonDocument::fromJson(json).object();
}

AuditVerdict verify(Database& db)
{
    auto verdict = StaffService(db, Actor{}).verifyAudit();
    EXPECT_TRUE(verdict) << (verdict ? "" : verdict.error().message.toStdString());
    return verdict.value_or(AuditVerdict{});
}

/// Runs SQL with the engine's own shell, as someone with the database's files or password
/// would: sqlite3 or psql, outside Bid Tracker.
void shell(const TestAuction& auction, const QString& sql)
{
    QProcess process;
    if (TestPostgres::selected())
        process.start(QStringLiteral("psql"),
                      {QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                       QStringLiteral("-q"), auction.path(), QStringLiteral("-c"), sql});
    else
        process.start(QStringLiteral("sqlite3"), {auction.path(), sql});
    ASSERT_TRUE(process.waitForFinished(30000));
    ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
}

/// What an attacker does first: drop the triggers that keep entries fixed.
QString dropTriggers()
{
    return TestPostgres::selected()
               ? QStringLiteral("DROP TRIGGER audit_log_fixed ON audit_log;")
               : QStringLiteral(
                     "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
}

/// Six entries: lots 1-3 added, lot 1 renamed, a bidder, a bid.
void sixEntries(TestAuction& auction)
{
    const qint64 lot = auction.addItem(QStringLiteral("Vase"), 1000, 100);
    auction.addItem(QStringLiteral("Jug"));
    auction.addItem(QStringLiteral("Bowl"));
    ASSERT_TRUE(
        auction.service().updateItem(lot, ItemChanges{.name = QStringLiteral("Blue vase")}));
    const qint64 user = auction.addUser(QStringLiteral("Ann"));
    auction.bid(lot, user, 1000);
    ASSERT_EQ(entries(auction.db()).size(), 6);
    ASSERT_TRUE(verify(auction.db()).whole);
}

} // namespace

TEST(Audit, EntriesNameTheActorStationActionObjectAndTheChangedFieldsOnly)
{
    TestAuction auction;
    AuctionService& service = auction.service();
    const qint64 lot = auction.addItem(QStringLiteral("Vase"), 1000, 100);
    service.setActor(Actor{QStringLiteral("Ann"), Role::Clerk, QStringLiteral("desk-1"), 1});
    ASSERT_TRUE(service.updateItem(
        lot, ItemChanges{.name = QStringLiteral("Blue vase"), .reserve = Money::fromCents(5000)}));
    const auto all = entries(auction.db());
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all[0].staff, QStringLiteral("operator"));
    EXPECT_EQ(all[0].action, QStringLiteral("item.add"));
    EXPECT_EQ(all[0].object, QStringLiteral("item%1").arg(lot));
    EXPECT_EQ(object(all[0].before), QJsonObject());
    EXPECT_EQ(object(all[0].after).value(QStringLiteral("name")), QStringLiteral("Vase"));

    const AuditEntry& update = all[1];
    EXPECT_EQ(update.id, 2);
    EXPECT_EQ(update.staff, QStringLiteral("Ann"));
    EXPECT_EQ(update.station, QStringLiteral("desk-1"));
    EXPECT_EQ(update.action, QStringLiteral("item.update"));
    EXPECT_EQ(object(update.before),
              (QJsonObject{{"name", "Vase"}, {"reserve", QJsonValue::Null}}));
    EXPECT_EQ(object(update.after), (QJsonObject{{"name", "Blue vase"}, {"reserve", 50.0}}));
    EXPECT_GE(update.at, all[0].at);
    EXPECT_EQ(update.hash, chainHash(all[0].hash, update));
    EXPECT_EQ(update.hash.size(), 64);
}

TEST(Audit, NoEntryHoldsAPinATokenOrAHashOfThem)
{
    TestAuction auction;
    StaffService staff(auction.db(), Actor{});
    auto ann = staff.addAccount(QStringLiteral("Ann"), Role::Admin, QStringLiteral("48213579"));
    ASSERT_TRUE(ann);
    ASSERT_TRUE(staff.updateAccount(ann->id, {.secret = QStringLiteral("97531248")}));
    auto token = staff.addToken(ann->id, QStringLiteral("kiosk"));
    ASSERT_TRUE(token);
    ASSERT_TRUE(staff.revokeToken(token->first.id));
    const auto all = entries(auction.db());
    ASSERT_EQ(all.size(), 4);
    QStringList actions;
    for (const AuditEntry& entry : all) {
        actions.append(entry.action);
        const QByteArray text = canonicalJson(entry);
        for (const QString& secret :
             {QStringLiteral("48213579"), QStringLiteral("97531248"), token->second,
              tokenHash(token->second), QStringLiteral("argon2")})
            EXPECT_FALSE(text.contains(secret.toUtf8())) << text.toStdString();
    }
    EXPECT_EQ(actions, (QStringList{"staff.add", "staff.update", "token.add", "token.revoke"}));
    EXPECT_EQ(object(all[1].after), (QJsonObject{{"pin", "changed"}}));
}

TEST(Audit, EveryCommandOfARandomNightWritesExactlyOneEntry)
{
    TestAuction auction;
    AuctionService& service = auction.service();
    QRandomGenerator random(20261202);
    QList<qint64> lots{auction.addItem(QStringLiteral("Lot 0"), 100, 100)};
    QList<qint64> bidders{auction.addUser(QStringLiteral("Bidder 0"))};
    qint64 expected = 2;
    for (int step = 0; step < 80; ++step) {
        const qint64 lot = lots[random.bounded(int(lots.size()))];
        const qint64 bidder = bidders[random.bounded(int(bidders.size()))];
        QString action;
        QString object;
        bool changed = true;
        switch (random.bounded(7)) {
        case 0: {
            auto made = service.createItem(ItemChanges{.name = QStringLiteral("Lot %1").arg(step)});
            ASSERT_TRUE(made);
            lots.append(made->id);
            action = QStringLiteral("item.add");
            object = QStringLiteral("item%1").arg(made->id);
            break;
        }
        case 1: {
            auto made = service.createUser(QStringLiteral("Bidder %1").arg(step));
            ASSERT_TRUE(made);
            bidders.append(made->id);
            action = QStringLiteral("user.add");
            object = QStringLiteral("user%1").arg(made->id);
            break;
        }
        case 2: {
            auto lowest = service.lowestAcceptableBid(lot);
            ASSERT_TRUE(lowest);
            auto placed = service.placeBid(lot, bidder, *lowest);
            changed = placed.has_value(); // a closed lot refuses, and writes nothing
            action = QStringLiteral("bid.place");
            object = placed ? QStringLiteral("bid%1").arg(placed->id) : QString();
            break;
        }
        case 3:
            ASSERT_TRUE(service.updateItem(
                lot, ItemChanges{.description = QStringLiteral("d%1").arg(step)}));
            action = QStringLiteral("item.update");
            object = QStringLiteral("item%1").arg(lot);
            break;
        case 4:
            ASSERT_TRUE(service.checkIn(bidder));
            action = QStringLiteral("user.check_in");
            object = QStringLiteral("user%1").arg(bidder);
            break;
        case 5: {
            auto given = service.addDonation(bidder, Money::fromCents(100 + step), {});
            ASSERT_TRUE(given);
            action = QStringLiteral("donation.add");
            object = QStringLiteral("donation%1").arg(given->id);
            break;
        }
        case 6: {
            auto lowest = service.lowestAcceptableBid(lot);
            ASSERT_TRUE(lowest);
            auto bought = service.buyNow(lot, bidder);
            changed = bought.has_value(); // no buy-now price: refused, nothing written
            action = QStringLiteral("bid.buy_now");
            object = bought ? QStringLiteral("bid%1").arg(bought->id) : QString();
            break;
        }
        }
        expected += changed ? 1 : 0;
        auto head = StaffStorage(auction.db()).auditHead();
        ASSERT_TRUE(head);
        ASSERT_EQ(head->count, expected) << "step " << step << " " << action.toStdString();
        if (changed) {
            auto last = StaffStorage(auction.db()).listAudit({}, 1, expected - 1);
            ASSERT_TRUE(last) << last.error().message.toStdString();
            ASSERT_EQ(last->size(), 1) << StaffStorage(auction.db()).countAudit({}).value_or(-1);
            EXPECT_EQ(last->first().action, action);
            EXPECT_EQ(last->first().object, object);
            // Only fields that changed: no key has the same value before and after.
            const QJsonObject before = ::object(last->first().before);
            const QJsonObject after = ::object(last->first().after);
            for (auto it = before.begin(); it != before.end(); ++it)
                EXPECT_NE(after.value(it.key()), it.value()) << it.key().toStdString();
            EXPECT_FALSE(after.isEmpty()) << action.toStdString();
        }
    }
    EXPECT_TRUE(verify(auction.db()).whole);
}

TEST(Audit, TheDatabaseItselfRefusesToChangeOrDeleteAnEntry)
{
    TestAuction auction;
    auction.addItem();
    EXPECT_FALSE(auction.db().exec(QStringLiteral("UPDATE audit_log SET staff = 'nobody'")));
    EXPECT_FALSE(auction.db().exec(QStringLiteral("DELETE FROM audit_log")));
    if (TestPostgres::selected()) {
        EXPECT_FALSE(auction.db().exec(QStringLiteral("TRUNCATE audit_log")));
    }
    const auto all = entries(auction.db());
    ASSERT_EQ(all.size(), 1);
    EXPECT_EQ(all[0].staff, QStringLiteral("operator"));
}

TEST(Audit, VerifyNamesAnEditedEntry)
{
    TestAuction auction;
    sixEntries(auction);
    shell(auction, dropTriggers() + QStringLiteral(" UPDATE audit_log SET after = "
                                                   "'{\"name\":\"Cheap vase\"}' WHERE id = 4;"));
    const AuditVerdict verdict = verify(auction.db());
    EXPECT_FALSE(verdict.whole);
    EXPECT_EQ(verdict.firstBad, 4);
    EXPECT_TRUE(verdict.problem.contains(QStringLiteral("entry 4")))
        << verdict.problem.toStdString();
}

TEST(Audit, VerifyNamesADeletedEntry)
{
    TestAuction auction;
    sixEntries(auction);
    shell(auction, dropTriggers() + QStringLiteral(" DELETE FROM audit_log WHERE id = 3;"));
    AuditVerdict verdict = verify(auction.db());
    EXPECT_FALSE(verdict.whole);
    EXPECT_EQ(verdict.firstBad, 3);
    EXPECT_TRUE(verdict.problem.contains(QStringLiteral("missing")));

    // The last entry deleted, the head put back to match: a head kept elsewhere still shows.
    TestAuction second;
    sixEntries(second);
    auto kept = StaffStorage(second.db()).auditHead();
    ASSERT_TRUE(kept);
    auto fifth = StaffStorage(second.db()).listAudit({}, 1, 4);
    ASSERT_TRUE(fifth);
    shell(second, dropTriggers() + QStringLiteral(" DELETE FROM audit_log WHERE id = 6;"
                                                  " UPDATE audit_head SET count = 5, hash = '%1';")
                                       .arg(fifth->first().hash));
    EXPECT_TRUE(verify(second.db()).whole); // the database alone cannot tell...
    auto withKept = StaffService(second.db(), Actor{}).verifyAudit({*kept});
    ASSERT_TRUE(withKept);
    EXPECT_FALSE(withKept->whole); // ... the head a station kept can
    EXPECT_EQ(withKept->firstBad, 6);
}

TEST(Audit, VerifyNamesAnInsertedEntry)
{
    TestAuction auction;
    sixEntries(auction);
    // Entries 3.. moved up by one, a made-up entry put in as 3.
    shell(auction, dropTriggers() +
                       QStringLiteral(" UPDATE audit_log SET id = id + 100 WHERE id >= 3;"
                                      " UPDATE audit_log SET id = id - 99 WHERE id >= 100;"
                                      " INSERT INTO audit_log (id, at, staff, station, action,"
                                      " object, before, after, hash) VALUES (3,"
                                      " '2026-12-02T20:00:00.000Z', 'operator', '', 'item.delete',"
                                      " 'item2', '{}', '{}', '%1');")
                           .arg(QString(64, u'0')));
    const AuditVerdict verdict = verify(auction.db());
    EXPECT_FALSE(verdict.whole);
    EXPECT_EQ(verdict.firstBad, 3);

    // One added at the end, past the head.
    TestAuction second;
    sixEntries(second);
    shell(second,
          dropTriggers() + QStringLiteral(" INSERT INTO audit_log (id, at, staff, station, action,"
                                          " object, before, after, hash) SELECT 7, at, staff,"
                                          " station, action, object, before, after, hash FROM"
                                          " audit_log WHERE id = 6;"));
    const AuditVerdict atEnd = verify(second.db());
    EXPECT_FALSE(atEnd.whole);
    EXPECT_EQ(atEnd.firstBad, 7);
}

TEST(Audit, VerifyNamesReorderedEntries)
{
    TestAuction auction;
    sixEntries(auction);
    // Entries 2 and 3 swap places (their numbers stay where they were).
    shell(auction, dropTriggers() + QStringLiteral(" UPDATE audit_log SET id = 100 WHERE id = 2;"
                                                   " UPDATE audit_log SET id = 2 WHERE id = 3;"
                                                   " UPDATE audit_log SET id = 3 WHERE id = 100;"));
    const AuditVerdict verdict = verify(auction.db());
    EXPECT_FALSE(verdict.whole);
    EXPECT_EQ(verdict.firstBad, 2);
}

TEST(Audit, TwoStationsWritingAtOnceKeepOneChain)
{
    TestAuction auction;
    const qint64 lot = auction.addItem(QStringLiteral("Vase"));
    const qint64 ann = auction.addUser(QStringLiteral("Ann"));
    const qint64 bob = auction.addUser(QStringLiteral("Bob"));
    constexpr int PerStation = 60;
    const auto station = [&](const QString& name, qint64 bidder) {
        auto db = openDatabase(auction.path());
        ASSERT_TRUE(db);
        AuctionService service(*db);
        service.setActor(Actor{name, Role::Clerk, name, 0});
        for (int i = 0; i < PerStation; ++i) {
            if (i % 2 == 0) {
                auto lowest = service.lowestAcceptableBid(lot);
                ASSERT_TRUE(lowest);
                // The other station may get there first: a refusal writes nothing.
                (void)service.placeBid(lot, bidder, *lowest);
            } else {
                ASSERT_TRUE(service.createItem(ItemChanges{.name = name + QString::number(i)}));
            }
        }
    };
    std::thread first(station, QStringLiteral("desk-1"), ann);
    std::thread second(station, QStringLiteral("desk-2"), bob);
    first.join();
    second.join();
    const auto all = entries(auction.db());
    auto bids = auction.service().bids();
    auto items = auction.service().items();
    ASSERT_TRUE(bids);
    ASSERT_TRUE(items);
    EXPECT_EQ(all.size(), 3 + bids->total + (items->total - 1));
    int desk1 = 0;
    int desk2 = 0;
    for (const AuditEntry& entry : all) {
        desk1 += entry.station == u"desk-1";
        desk2 += entry.station == u"desk-2";
    }
    EXPECT_GE(desk1, PerStation / 2);
    EXPECT_GE(desk2, PerStation / 2);
    const AuditVerdict verdict = verify(auction.db());
    EXPECT_TRUE(verdict.whole) << verdict.problem.toStdString();
    EXPECT_EQ(verdict.head.count, all.size());
}
