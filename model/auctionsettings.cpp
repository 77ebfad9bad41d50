#include "auctionsettings.h"

#include "money.h"
#include "names.h"

#include <QDateTime>

namespace BidTracker::Model {

namespace {

bool isCurrencyCode(const QString& text)
{
    if (text.size() != 3)
        return false;
    for (const QChar c : text) {
        if (c < u'A' || c > u'Z')
            return false;
    }
    return true;
}

bool isUtcTimestamp(const QString& text)
{
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    return parsed.isValid() && text.endsWith(u'Z');
}

} // namespace

Result<AuctionSettings> checkSettings(const AuctionSettings& settings)
{
    AuctionSettings checked = settings;
    auto name = checkName(settings.name);
    if (!name)
        return fail(name.error());
    checked.name = *name;
    if (!isCurrencyCode(settings.currency))
        return fail(Error::invalid(
            QStringLiteral("The currency must be an ISO 4217 code of three capital letters, such"
                           " as USD or EUR"),
            QStringLiteral("currency")));
    if (settings.buyersPremium < 0 || settings.buyersPremium > MaxRate)
        return fail(
            Error::invalid(QStringLiteral("The buyer's premium must be a percentage from 0 to 100"),
                           QStringLiteral("buyers_premium")));
    if (settings.taxRate < 0 || settings.taxRate > MaxRate)
        return fail(
            Error::invalid(QStringLiteral("The tax rate must be a percentage from 0 to 100"),
                           QStringLiteral("tax_rate")));
    if (settings.commissionRate < 0 || settings.commissionRate > MaxRate)
        return fail(
            Error::invalid(QStringLiteral("The commission rate must be a percentage from 0 to 100"),
                           QStringLiteral("commission_rate")));
    if (!Rules::isValidIncrementTable(settings.increments))
        return fail(Error::invalid(
            QStringLiteral("The increment table's rows must have ascending \"from\" amounts, the"
                           " first at 0 or above, and every step above 0"),
            QStringLiteral("increments")));
    for (const auto& row : settings.increments) {
        if (row.fromCents > Money::MaxCents || row.stepCents > Money::MaxCents)
            return fail(Error::invalid(
                QStringLiteral("An increment table amount is above 1,000,000,000.00"),
                QStringLiteral("increments")));
    }
    const SoftClose& soft = settings.softClose;
    for (const qint64 seconds : {soft.windowSeconds, soft.extendSeconds, soft.maxExtendSeconds}) {
        if (seconds < 0 || seconds > MaxSoftCloseSeconds)
            return fail(
                Error::invalid(QStringLiteral("Soft close times must be whole seconds from 0 to %1")
                                   .arg(MaxSoftCloseSeconds),
                               QStringLiteral("soft_close")));
    }
    if (settings.firstBidderNumber < 1 || settings.firstBidderNumber > MaxBidderNumber)
        return fail(Error::invalid(
            QStringLiteral("The first bidder number must be a whole number from 1 to %1")
                .arg(MaxBidderNumber),
            QStringLiteral("first_bidder_number")));
    if (!settings.closeAllAt.isEmpty() && !isUtcTimestamp(settings.closeAllAt))
        return fail(
            Error::invalid(QStringLiteral("close_all_at must be an ISO 8601 UTC time such as"
                                          " 2026-12-05T21:00:00.000Z"),
                           QStringLiteral("close_all_at")));
    return checked;
}

std::optional<Rules::BasisPoints> parseRate(QStringView text)
{
    text = text.trimmed();
    const qsizetype dot = text.indexOf(u'.');
    const QStringView whole = dot < 0 ? text : text.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : text.mid(dot + 1);
    if (whole.isEmpty() || whole.size() > 3 || fraction.size() > 2 ||
        (dot >= 0 && fraction.isEmpty()))
        return std::nullopt;
    for (const QStringView part : {whole, fraction}) {
        for (const QChar c : part) {
            if (c < u'0' || c > u'9')
                return std::nullopt;
        }
    }
    qint64 rate = whole.toLongLong() * 100;
    if (!fraction.isEmpty())
        rate += fraction.toLongLong() * (fraction.size() == 1 ? 10 : 1);
    if (rate > MaxRate)
        return std::nullopt;
    return rate;
}

QString formatRate(Rules::BasisPoints rate)
{
    QString text = QString::number(rate / 100);
    const qint64 hundredths = rate % 100;
    if (hundredths != 0) {
        text += u'.' + QStringLiteral("%1").arg(hundredths, 2, 10, QLatin1Char('0'));
        if (text.endsWith(u'0'))
            text.chop(1);
    }
    return text;
}

QString encodeIncrements(const Rules::IncrementTable& table)
{
    QStringList rows;
    for (const auto& row : table)
        rows.append(QStringLiteral("%1:%2").arg(row.fromCents).arg(row.stepCents));
    return rows.join(u';');
}

std::optional<Rules::IncrementTable> decodeIncrements(QStringView text)
{
    Rules::IncrementTable table;
    if (text.isEmpty())
        return table;
    for (const QStringView row : text.split(u';')) {
        const auto parts = row.split(u':');
        if (parts.size() != 2)
            return std::nullopt;
        bool fromOk = false;
        bool stepOk = false;
        const qint64 from = parts[0].toLongLong(&fromOk);
        const qint64 step = parts[1].toLongLong(&stepOk);
        if (!fromOk || !stepOk)
            return std::nullopt;
        table.append(Rules::IncrementRow{from, step});
    }
    return table;
}

} // namespace BidTracker::Model
