#include "printsource.h"

#include "model/auctionservice.h"

namespace BidTracker::Print {

namespace {

// Read in pages, so that a big auction is never held twice over in one query's result.
constexpr qint64 PageRows = 2'000;

template <typename T, typename Read> Model::Result<QList<T>> readAll(Read&& read)
{
    QList<T> all;
    for (qint64 offset = 0;; offset += PageRows) {
        auto page = read(Model::Page{PageRows, offset});
        if (!page)
            return Model::fail(page.error());
        all.append(page->rows);
        if (page->rows.size() < PageRows || offset + PageRows >= page->total)
            return all;
    }
}

} // namespace

Model::Result<QString> PrintSource::auctionName()
{
    // TODO: the auction's settings (RULES.md 1, `name`) once the service has them; until
    // then every auction has the setting's default.
    return QStringLiteral("Auction");
}

Model::Result<QList<PrintLot>> PrintSource::lots(const QList<qint64>& ids)
{
    QList<Model::Item> items;
    if (ids.isEmpty()) {
        auto all = readAll<Model::Item>([this](Model::Page page) { return m_service.items(page); });
        if (!all)
            return Model::fail(all.error());
        items = std::move(*all);
    } else {
        for (const qint64 id : ids) {
            auto item = m_service.item(id);
            if (!item)
                return Model::fail(item.error());
            items.append(std::move(*item));
        }
    }
    QList<PrintLot> lots;
    lots.reserve(items.size());
    for (const Model::Item& item : items) {
        PrintLot lot;
        lot.id = item.id;
        lot.name = item.name;
        lot.startingPrice = item.startingPrice;
        lot.minIncrement = item.minIncrement;
        // The first line's minimum is the model's rule, not worked out again here.
        auto minimum = m_service.lowestAcceptableBid(item.id);
        if (!minimum)
            return Model::fail(minimum.error());
        lot.firstMinimum = *minimum;
        lots.append(std::move(lot));
    }
    return lots;
}

Model::Result<QList<PrintBidder>> PrintSource::bidders(const QList<qint64>& ids)
{
    QList<Model::User> users;
    if (ids.isEmpty()) {
        auto all = readAll<Model::User>([this](Model::Page page) { return m_service.users(page); });
        if (!all)
            return Model::fail(all.error());
        users = std::move(*all);
    } else {
        for (const qint64 id : ids) {
            auto user = m_service.user(id);
            if (!user)
                return Model::fail(user.error());
            users.append(std::move(*user));
        }
    }
    QList<PrintBidder> bidders;
    bidders.reserve(users.size());
    for (const Model::User& user : users) {
        // TODO: the paddle number (User::number) once the model has it; until then the
        // number in the bidder's id, which is unique too.
        bidders.append(PrintBidder{user.id, user.id, user.name});
    }
    return bidders;
}

} // namespace BidTracker::Print
