#pragma once

#include "model/records.h"

#include <QSqlQuery>

// The SELECT lists for each record and the functions that read a row of them, kept together
// so that a column added to one is added to the other.
namespace BidTracker::Model::Rows {

/// SELECT ... FROM items i LEFT JOIN the winning bid and its user; add WHERE/ORDER as needed.
extern const QString itemSelect;
/// The SELECT list of itemSelect alone, for a FROM of another shape (aliases i, w and wu).
extern const QString itemSelectList;
Item readItem(const QSqlQuery& query);

/// SELECT ... FROM bids b JOIN items i JOIN users u.
extern const QString bidSelect;
Bid readBid(const QSqlQuery& query);

/// SELECT ... FROM users u.
extern const QString userSelect;
/// The SELECT list of userSelect alone, for a FROM of another shape (alias u).
extern const QString userSelectList;
User readUser(const QSqlQuery& query);

/// SELECT ... FROM payments p.
extern const QString paymentSelect;
Payment readPayment(const QSqlQuery& query);

/// SELECT ... FROM donations d.
extern const QString donationSelect;
Donation readDonation(const QSqlQuery& query);

/// The value to bind for a column that is NULL when there is no amount or no text.
QVariant nullableCents(const std::optional<Money>& money);
QVariant nullableText(const QString& text);
/// Text for a NOT NULL column: Qt binds a null QString as NULL, so empty text is bound as "".
QVariant plainText(const QString& text);

/// " LIMIT ? OFFSET ?": bound, so one cached statement serves every page.
extern const QString pageClause;
/// The values to bind to pageClause; "no limit" is a number larger than any table.
qint64 pageLimit(const Page& page);
qint64 pageOffset(const Page& page);

} // namespace BidTracker::Model::Rows
