#pragma once

#include "model/money.h"

#include <QVariant>
#include <optional>

namespace BidTracker::Model {

/// Roles every table model answers besides Qt's own.
enum TableRole {
    /// A value that sorts right (cents for money, numbers for ids), for QSortFilterProxyModel.
    SortRole = Qt::UserRole + 1,
    /// The row's numeric id (item, user or bid), for selection and actions.
    IdRole,
    /// True on a row the views should emphasise (the winning bid); the model layer has no
    /// fonts, so the window turns this into bold.
    HighlightRole,
    /// True on a row about a closed lot; the window greys it and shows a lock.
    InactiveRole,
    /// The text a search field matches, when it is more than the displayed name (a bidder's
    /// paddle number, phone and email besides the name), on the filter column's cells.
    SearchTextRole,
    /// True on a cell that needs the operator's eye now (a lot about to close); the window
    /// paints it red.
    UrgentRole,
};

/// Money as a person reads it: "1,000.00" in the user's locale, two decimals.
QString displayMoney(Money value);
QVariant displayMoney(const std::optional<Money>& value);
/// A bidder as every table and message names them, with the paddle that tells two of the
/// same name apart: "John Smith (107)"; the name alone without a number, nothing without a name.
QString displayBidder(const QString& name, qint64 number);
/// A stored UTC time stamp ("2026-11-27T23:51:54.123Z") as a person reads it: local time
/// with the zone, "2026-11-27 18:51:54 EST"; the text as it is when it is no time stamp.
QString displayTime(const QString& utcTimestamp);
/// Right alignment for numbers and money, left for text.
QVariant numberAlignment();

} // namespace BidTracker::Model
