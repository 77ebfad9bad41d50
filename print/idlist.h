#pragma once

#include "model/ids.h"

#include <QList>
#include <QString>
#include <expected>

namespace BidTracker::Print {

/// Parses a list of ids as a person types it, for --lots/--bidders and the print chooser:
/// separated by commas or blanks, each an id ("item12") or its number ("12"), or a range of
/// numbers ("3-7"). The error names the entry that is not an id. Duplicates are dropped,
/// the first order kept. An empty text gives an empty list.
std::expected<QList<qint64>, QString> parseIdList(QStringView text, Model::EntityKind kind);

} // namespace BidTracker::Print
