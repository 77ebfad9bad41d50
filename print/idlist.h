#pragma once

#include "model/ids.h"

namespace BidTracker::Model {
class AuctionService;
}

#include <QList>
#include <QString>
#include <expected>

namespace BidTracker::Print {

/// Parses a list of ids as a person types it, for --lots/--bidders and the print chooser:
/// separated by commas or blanks, each an id ("item12") or its number ("12"), or a range of
/// numbers ("3-7"). The error names the entry that is not an id. Duplicates are dropped,
/// the first order kept. An empty text gives an empty list.
std::expected<QList<qint64>, QString> parseIdList(QStringView text, Model::EntityKind kind);

/// One bidder as the command line's --bidders names them: a paddle number (what bidder cards,
/// invoices and the checkout show) or, written `user7`, an id.
struct BidderRef
{
    qint64 value = 0;
    bool paddle = true;
    bool operator==(const BidderRef&) const = default;
};

/// "101, 105-107, user3": plain numbers and ranges of them are paddle numbers, `userN` (and
/// ranges `user3-user5`) ids; separators as parseIdList(). The error names the bad entry.
std::expected<QList<BidderRef>, QString> parseBidderList(QStringView text);

/// The ids of those bidders, in order, once each; the error names a paddle number or id that
/// no bidder has.
std::expected<QList<qint64>, QString> resolveBidders(const QList<BidderRef>& bidders,
                                                     Model::AuctionService& service);

} // namespace BidTracker::Print
