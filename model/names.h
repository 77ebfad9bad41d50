#pragma once

#include "error.h"

#include <QString>

namespace BidTracker::Model {

/// The longest name, in characters (Unicode code points, not UTF-16 units).
inline constexpr qsizetype MaxNameLength = 200;

/// The one rule for the name of a bidder or a lot, whichever door it comes through (the API,
/// the window, CSV import). Returns the name as it is stored: without the white space and
/// invisible characters around it. Refused, with `field` named in the error:
/// - a name with nothing visible: empty once white space and invisible characters (zero-width
///   spaces and joiners, the byte-order mark, direction marks, fillers) are removed;
/// - control characters and line or paragraph separators (U+2028, U+2029), anywhere;
/// - text-direction overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069),
///   which can make a name display as another one;
/// - a lone UTF-16 surrogate: not text, and stored differently from what was sent;
/// - more than MaxNameLength characters.
Result<QString> checkName(const QString& name, const QString& field = QStringLiteral("name"));

/// The length of `text` in characters (code points).
qsizetype characterCount(const QString& text);

} // namespace BidTracker::Model
