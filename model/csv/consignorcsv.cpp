#include "consignorcsv.h"

#include "csvreader.h"
#include "csvwriter.h"
#include "model/auctionservice.h"

namespace BidTracker::Model {

namespace {

QString amount(qint64 cents)
{
    return cents < 0 ? u'-' + Money::fromCents(-cents).toString()
                     : Money::fromCents(cents).toString();
}

Error badCell(const CsvRecord& record, const QString& column, const QString& why)
{
    return Error::invalid(
        QStringLiteral("Line %1, column %2: %3").arg(record.line).arg(column, why), column);
}

/// One row of consignors.csv as changes: only the columns present and not empty are set.
Result<ConsignorChanges> readRow(const CsvRecord& record, const QStringList& header)
{
    ConsignorChanges changes;
    for (qsizetype i = 0; i < header.size() && i < record.fields.size(); ++i) {
        const QString& column = header[i];
        const QString cell = CsvWriter::unguardFormula(record.fields[i]).trimmed();
        if (cell.isEmpty())
            continue;
        if (column == u"name") {
            changes.name = cell;
        } else if (column == u"number") {
            bool ok = false;
            const qint64 number = cell.toLongLong(&ok);
            if (!ok)
                return fail(badCell(record, column, QStringLiteral("not a whole number")));
            changes.number = number;
        } else if (column == u"phone") {
            changes.phone = cell;
        } else if (column == u"email") {
            changes.email = cell;
        } else if (column == u"address") {
            changes.address = cell;
        } else if (column == u"commission") {
            const auto rate = parseRate(cell);
            if (!rate)
                return fail(
                    badCell(record, column, QStringLiteral("not a percentage from 0 to 100")));
            changes.commission = std::optional<Rules::BasisPoints>(*rate);
        } else if (column == u"lot_fee" || column == u"unsold_fee") {
            bool number = false;
            // Money::parse takes positive amounts only; a fee of 0 is no fee.
            auto fee = cell.toDouble(&number) == 0.0 && number
                           ? std::expected<Money, QString>(Money())
                           : Money::parse(cell, column);
            if (!fee)
                return fail(badCell(record, column, fee.error()));
            (column == u"lot_fee" ? changes.lotFee : changes.unsoldFee) = *fee;
        }
    }
    return changes;
}

} // namespace

QStringList consignorCsvColumns(ConsignorCsv kind)
{
    if (kind == ConsignorCsv::Consignors)
        return {QStringLiteral("number"),  QStringLiteral("name"),
                QStringLiteral("phone"),   QStringLiteral("email"),
                QStringLiteral("address"), QStringLiteral("commission"),
                QStringLiteral("lot_fee"), QStringLiteral("unsold_fee")};
    return {
        QStringLiteral("consignor_id"), QStringLiteral("number"),     QStringLiteral("name"),
        QStringLiteral("hammer"),       QStringLiteral("commission"), QStringLiteral("fees"),
        QStringLiteral("net"),          QStringLiteral("paid"),       QStringLiteral("payable_now"),
        QStringLiteral("balance"),      QStringLiteral("status")};
}

std::optional<ConsignorCsv> parseConsignorCsvFile(QStringView fileName)
{
    if (fileName == u"consignors.csv")
        return ConsignorCsv::Consignors;
    if (fileName == u"settlements.csv")
        return ConsignorCsv::Settlements;
    return std::nullopt;
}

Result<qint64> exportConsignorCsv(AuctionService& service, ConsignorCsv kind, QIODevice& out)
{
    CsvWriter writer(out);
    writer.writeRow(consignorCsvColumns(kind));
    qint64 rows = 0;
    if (kind == ConsignorCsv::Consignors) {
        auto consignors = service.consignors();
        if (!consignors)
            return fail(consignors.error());
        for (const Consignor& c : std::as_const(*consignors)) {
            writer.writeRow({QString::number(c.number), c.name, c.phone, c.email, c.address,
                             c.commission ? formatRate(*c.commission) : QString(),
                             amount(c.lotFee.cents()), amount(c.unsoldFee.cents())});
            ++rows;
        }
    } else {
        auto settlements = service.settlements();
        if (!settlements)
            return fail(settlements.error());
        for (const Settlement& s : std::as_const(*settlements)) {
            const Rules::SettlementSums& sums = s.sums;
            writer.writeRow({formatId(EntityKind::Consignor, s.consignor.id),
                             QString::number(s.consignor.number), s.consignor.name,
                             amount(sums.hammer), amount(sums.commission), amount(sums.fees),
                             amount(sums.net), amount(sums.paid), amount(sums.payableNow),
                             amount(sums.balance), Rules::settlementStatusName(sums.status)});
            ++rows;
        }
    }
    if (!writer.flush())
        return fail(Error::unavailable(
            QStringLiteral("Could not write the CSV: %1").arg(writer.errorString())));
    return rows;
}

Result<QList<ConsignorChanges>> readConsignorCsv(QIODevice& in)
{
    CsvStream stream(in);
    auto first = stream.next();
    if (!first)
        return fail(Error::invalid(stream.error().isEmpty() ? QStringLiteral("The file is empty")
                                                            : stream.error()));
    QStringList header;
    for (const QString& name : std::as_const(first->fields))
        header.append(name.trimmed().toLower());
    const QStringList known = consignorCsvColumns(ConsignorCsv::Consignors);
    for (const QString& column : std::as_const(header))
        if (!known.contains(column))
            return fail(Error::invalid(QStringLiteral("Unknown column \"%1\": the columns are %2")
                                           .arg(column, known.join(QStringLiteral(", "))),
                                       column));
    if (!header.contains(QStringLiteral("name")))
        return fail(Error::invalid(QStringLiteral("The file has no \"name\" column"),
                                   QStringLiteral("name")));
    QList<ConsignorChanges> rows;
    while (auto record = stream.next()) {
        auto row = readRow(*record, header);
        if (!row)
            return fail(row.error());
        rows.append(std::move(*row));
    }
    if (!stream.error().isEmpty())
        return fail(Error::invalid(stream.error()));
    return rows;
}

} // namespace BidTracker::Model
