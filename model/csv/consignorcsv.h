#pragma once

#include "model/consignor.h"
#include "model/error.h"

#include <QIODevice>
#include <QStringList>

namespace BidTracker::Model {

class AuctionService;

/// The consignor files (RULES.md 6), with the CSV rules of the others (RFC 4180, formulas
/// guarded), amounts as "1234.50":
/// - consignors.csv: number, name, phone, email, address, commission (percent, empty: the
///   auction's rate), lot_fee, unsold_fee; in number order. `bidtracker import consignors`
///   reads the same columns (name required, the others optional, in any order);
/// - settlements.csv: one row per consignor with the sums of their settlement.
enum class ConsignorCsv { Consignors, Settlements };

QStringList consignorCsvColumns(ConsignorCsv kind);
/// "consignors.csv" or "settlements.csv" to the kind; nothing for another name.
std::optional<ConsignorCsv> parseConsignorCsvFile(QStringView fileName);

/// Writes one file to `out`. Returns the rows written (without the header).
Result<qint64> exportConsignorCsv(AuctionService& service, ConsignorCsv kind, QIODevice& out);

/// Reads consignors.csv's columns from `in`; Invalid naming the line and column of the first
/// problem. Nothing is written: AuctionService::importConsignors() checks and adds them.
Result<QList<ConsignorChanges>> readConsignorCsv(QIODevice& in);

} // namespace BidTracker::Model
