#include "idlist.h"

#include "model/auctionservice.h"

#include <QRegularExpression>
#include <QSet>

namespace BidTracker::Print {

namespace {

// A range this long is a typing mistake, not a print job (and would hold memory for nothing).
constexpr qint64 MaxRange = 100'000;

std::optional<qint64> number(QStringView text, Model::EntityKind kind)
{
    if (const auto id = Model::parseId(kind, text))
        return id;
    // The number alone, with the same rules as the id ("item" + text).
    return Model::parseId(kind, Model::idPrefix(kind).toString() + text.toString());
}

} // namespace

std::expected<QList<qint64>, QString> parseIdList(QStringView text, Model::EntityKind kind)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QList<qint64> ids;
    QSet<qint64> seen;
    const auto add = [&](qint64 id) {
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    };
    for (const QString& entry : text.toString().split(separators, Qt::SkipEmptyParts)) {
        const qsizetype dash = entry.indexOf(u'-');
        if (dash > 0) {
            const auto first = number(QStringView(entry).left(dash), kind);
            const auto last = number(QStringView(entry).mid(dash + 1), kind);
            if (!first || !last || *last < *first || *last - *first >= MaxRange)
                return std::unexpected(
                    QStringLiteral("\"%1\" is not a range of ids such as 3-7 (at most %2)")
                        .arg(entry)
                        .arg(MaxRange));
            for (qint64 id = *first; id <= *last; ++id)
                add(id);
            continue;
        }
        const auto id = number(entry, kind);
        if (!id)
            return std::unexpected(QStringLiteral("\"%1\" is not an id such as %2, or its number")
                                       .arg(entry, Model::formatId(kind, 12)));
        add(*id);
    }
    return ids;
}

std::expected<QList<BidderRef>, QString> parseBidderList(QStringView text)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QList<BidderRef> bidders;
    const auto one = [](QStringView entry) -> std::optional<BidderRef> {
        if (!entry.isEmpty() && entry.front().isDigit()) {
            bool ok = false;
            const qint64 paddle = entry.toLongLong(&ok);
            return ok && paddle > 0 ? std::optional(BidderRef{paddle, true}) : std::nullopt;
        }
        if (const auto id = Model::parseId(Model::EntityKind::User, entry))
            return BidderRef{*id, false};
        return std::nullopt;
    };
    for (const QString& entry : text.toString().split(separators, Qt::SkipEmptyParts)) {
        const qsizetype dash = entry.indexOf(u'-');
        const auto first = one(dash > 0 ? QStringView(entry).left(dash) : QStringView(entry));
        const auto last = dash > 0 ? one(QStringView(entry).mid(dash + 1)) : first;
        if (!first || !last || first->paddle != last->paddle || last->value < first->value ||
            last->value - first->value >= MaxRange)
            return std::unexpected(
                dash > 0 ? QStringLiteral("\"%1\" is not a range of paddle numbers such as "
                                          "101-105, or of ids such as user3-user5")
                               .arg(entry)
                         : QStringLiteral("\"%1\" is not a paddle number such as 101, or an id "
                                          "such as user3")
                               .arg(entry));
        for (qint64 value = first->value; value <= last->value; ++value) {
            const BidderRef bidder{value, first->paddle};
            if (!bidders.contains(bidder))
                bidders.append(bidder);
        }
    }
    return bidders;
}

std::expected<QList<qint64>, QString> resolveBidders(const QList<BidderRef>& bidders,
                                                     Model::AuctionService& service)
{
    QList<qint64> ids;
    for (const BidderRef& bidder : bidders) {
        qint64 id = bidder.value;
        if (bidder.paddle) {
            const auto holder = service.userByNumber(bidder.value);
            if (!holder)
                return std::unexpected(holder.error().message);
            if (!*holder)
                return std::unexpected(
                    QStringLiteral("No bidder has paddle number %1").arg(bidder.value));
            id = (*holder)->id;
        }
        if (!ids.contains(id))
            ids.append(id);
    }
    return ids;
}

} // namespace BidTracker::Print
