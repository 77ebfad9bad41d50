#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace BidTracker::Model {

/// The CSV files Bid Tracker writes (all four) and reads (items and users).
enum class CsvKind { Items, Users, Bids, Results };

/// "items", "users", "bids", "results".
QString csvKindName(CsvKind kind);
std::optional<CsvKind> parseCsvKind(QStringView name);
/// The header row of each file, as PRODUCT.md lists it.
QStringList csvColumns(CsvKind kind);

} // namespace BidTracker::Model
