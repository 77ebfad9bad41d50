#include "csvkind.h"

namespace BidTracker::Model {

QString csvKindName(CsvKind kind)
{
    switch (kind) {
    case CsvKind::Items:
        return QStringLiteral("items");
    case CsvKind::Users:
        return QStringLiteral("users");
    case CsvKind::Bids:
        return QStringLiteral("bids");
    case CsvKind::Results:
        return QStringLiteral("results");
    }
    return {};
}

std::optional<CsvKind> parseCsvKind(QStringView name)
{
    for (const CsvKind kind : {CsvKind::Items, CsvKind::Users, CsvKind::Bids, CsvKind::Results}) {
        if (name == csvKindName(kind))
            return kind;
    }
    return std::nullopt;
}

QStringList csvColumns(CsvKind kind)
{
    switch (kind) {
    case CsvKind::Items:
        return {QStringLiteral("item_id"), QStringLiteral("name"), QStringLiteral("status"),
                QStringLiteral("starting_price"), QStringLiteral("min_increment"),
                QStringLiteral("winning_bid_id"), QStringLiteral("winning_value"),
                QStringLiteral("winner_user_id"), QStringLiteral("winner_name"),
                QStringLiteral("bid_count"),
                // PRODUCT.md's third part: every field a lot has (no consignors yet)
                QStringLiteral("description"), QStringLiteral("donor"),
                QStringLiteral("fair_market_value"), QStringLiteral("reserve"),
                QStringLiteral("buy_now"), QStringLiteral("closes_at")};
    case CsvKind::Users:
        // PRODUCT.md's four first, in order; the paddle number and contact fields after them.
        return {QStringLiteral("user_id"),   QStringLiteral("name"),
                QStringLiteral("bid_count"), QStringLiteral("items_bid"),
                QStringLiteral("number"),    QStringLiteral("phone"),
                QStringLiteral("email"),     QStringLiteral("tax_exempt")};
    case CsvKind::Bids:
        return {QStringLiteral("bid_id"),    QStringLiteral("item_id"),
                QStringLiteral("item_name"), QStringLiteral("user_id"),
                QStringLiteral("user_name"), QStringLiteral("value"),
                QStringLiteral("placed_at")};
    case CsvKind::Results:
        return {QStringLiteral("item_id"),        QStringLiteral("name"),
                QStringLiteral("winner_user_id"), QStringLiteral("winner_name"),
                QStringLiteral("winning_value"),  QStringLiteral("bid_count"),
                QStringLiteral("sold"),           QStringLiteral("winner_number")};
    }
    return {};
}

} // namespace BidTracker::Model
