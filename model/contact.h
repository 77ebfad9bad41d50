#pragma once

#include "error.h"

#include <QString>

namespace BidTracker::Model {

/// The longest phone number, e-mail address and short note (payment reference, void
/// reason, donation note), in characters.
inline constexpr qsizetype MaxPhoneLength = 40;
inline constexpr qsizetype MaxEmailLength = 254;
inline constexpr qsizetype MaxNoteLength = 200;

/// The rules for a bidder's contact fields and the short notes of checkout, whichever door
/// they come through. Each returns the text as stored (trimmed) or an Invalid error naming
/// `field`. Empty text is always accepted: every one of these is optional.
/// - A line: no control characters (line breaks included), no lone surrogates, at most
///   `maxLength` characters.
Result<QString> checkLine(const QString& text, const QString& field, qsizetype maxLength);
/// - A phone number: a line of at most MaxPhoneLength characters holding a digit. Checked
///   lightly on purpose: people write numbers in every national form.
Result<QString> checkPhone(const QString& phone, const QString& field = QStringLiteral("phone"));
/// - An e-mail address: one '@' with text before it and a dotted domain after it, no
///   white space, at most MaxEmailLength characters.
Result<QString> checkEmail(const QString& email, const QString& field = QStringLiteral("email"));
/// - A paddle number: a positive whole number up to MaxBidderNumber.
Result<qint64> checkBidderNumber(qint64 number, const QString& field = QStringLiteral("number"));

} // namespace BidTracker::Model
