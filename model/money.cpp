#include "money.h"

#include <QLocale>
#include <charconv>
#include <cmath>

namespace BidTracker::Model {

namespace {

constexpr int MaxExponentDigits = 6;

bool isSpecialName(QStringView body, QStringView name)
{
    return body.compare(name, Qt::CaseInsensitive) == 0;
}

/// Takes the currency symbol or code off either end of `text`, with the blanks next to it.
QStringView withoutCurrency(QStringView text, const QLocale& givenLocale)
{
    // Qt's C locale "is identical in behavior to English/UnitedStates" but has no currency:
    // "$5" must read the same on a server under C.UTF-8 as on a desktop under en_US.
    const QLocale locale = givenLocale.language() == QLocale::C
                               ? QLocale(QLocale::English, QLocale::UnitedStates)
                               : givenLocale;
    for (const auto format : {QLocale::CurrencySymbol, QLocale::CurrencyIsoCode}) {
        const QString symbol = locale.currencySymbol(format);
        if (symbol.isEmpty())
            continue;
        if (text.startsWith(symbol))
            return text.mid(symbol.size()).trimmed();
        if (text.endsWith(symbol))
            return text.chopped(symbol.size()).trimmed();
    }
    return text;
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= u'0' && c.unicode() <= u'9';
}

} // namespace

std::expected<Money, QString> Money::parseTyped(QStringView text, const QLocale& locale)
{
    const QString example = locale.toString(1350.0, 'f', 2);
    const auto refuse = [&](const QString& why) {
        return std::unexpected(QStringLiteral("%1; type an amount such as %2").arg(why, example));
    };
    QString spaced = withoutCurrency(text.trimmed(), locale).toString();
    const QString group = locale.groupSeparator();
    // Where the group separator is a kind of space (U+202F in French), people type a plain one.
    if (group.size() == 1 && group[0].isSpace())
        spaced.replace(u' ', group[0]);
    const QStringView body = spaced;
    if (body.isEmpty())
        return std::unexpected(QStringLiteral("Value must be a number"));
    const QString negative = locale.negativeSign();
    if (body.startsWith(u'-') || body.startsWith(negative) || body.endsWith(u'-'))
        return std::unexpected(QStringLiteral("Value must not be negative"));
    const QString point = locale.decimalPoint();
    // Split at the decimal point into whole and fraction, the whole part in its groups.
    const qsizetype pointAt = body.lastIndexOf(point);
    const QStringView whole = pointAt < 0 ? body : body.left(pointAt);
    const QStringView fraction = pointAt < 0 ? QStringView() : body.mid(pointAt + point.size());
    for (const QChar c : fraction) {
        if (!isAsciiDigit(c))
            return refuse(c == u'e' || c == u'E'
                              ? QStringLiteral("Value must be written out, not with an exponent")
                              : QStringLiteral("Value must be a number"));
    }
    if (fraction.size() > 2)
        return std::unexpected(QStringLiteral("Value must have at most two decimals"));
    QString digits;
    const QList<QStringView> groups =
        group.isEmpty() ? QList<QStringView>{whole} : whole.split(group);
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QStringView part = groups[i];
        for (const QChar c : part) {
            if (c == u'e' || c == u'E')
                return refuse(QStringLiteral("Value must be written out, not with an exponent"));
            if (!isAsciiDigit(c))
                return refuse(QStringLiteral("Value must be a number"));
        }
        // "1,350" and "1,00,000" are groups of digits; "1,35" or "1,,350" are typing slips.
        const bool last = i == groups.size() - 1;
        const bool fits = i == 0 ? !part.isEmpty() && (groups.size() == 1 || part.size() <= 3)
                                 : part.size() == 3 || (!last && part.size() == 2);
        if (!fits && !(i == 0 && part.isEmpty() && groups.size() == 1 && !fraction.isEmpty()))
            return refuse(QStringLiteral("Value \"%1\" has a misplaced \"%2\"")
                              .arg(text.trimmed().toString(), group));
        digits += part;
    }
    if (digits.isEmpty() && fraction.isEmpty())
        return std::unexpected(QStringLiteral("Value must be a number"));
    // What is left is a plain decimal number: the amount rules are parse()'s.
    return parse(fraction.isEmpty() ? digits : digits + u'.' + fraction.toString());
}

std::expected<Money, QString> Money::parse(QStringView text, QStringView label)
{
    const QStringView trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::unexpected(QStringLiteral("%1 must be a number").arg(label));

    qsizetype pos = 0;
    bool negative = false;
    if (trimmed[0] == u'+' || trimmed[0] == u'-') {
        negative = trimmed[0] == u'-';
        ++pos;
    }
    const QStringView body = trimmed.mid(pos);
    if (isSpecialName(body, u"nan"))
        return std::unexpected(QStringLiteral("%1 must be a number, not NaN").arg(label));
    if (isSpecialName(body, u"inf") || isSpecialName(body, u"infinity"))
        return std::unexpected(QStringLiteral("%1 must be finite, not Infinity").arg(label));

    // Collect the significant digits and the power of ten they are scaled by, exactly, so
    // that "0.1" is one tenth and not the nearest double.
    QString digits;
    qsizetype fractionDigits = 0;
    bool sawDigit = false;
    bool sawPoint = false;
    for (; pos < trimmed.size(); ++pos) {
        const QChar c = trimmed[pos];
        if (c.isDigit() && c.unicode() < 128) {
            digits.append(c);
            sawDigit = true;
            if (sawPoint)
                ++fractionDigits;
        } else if (c == u'.' && !sawPoint) {
            sawPoint = true;
        } else {
            break;
        }
    }
    if (!sawDigit)
        return std::unexpected(QStringLiteral("%1 must be a number").arg(label));

    qint64 exponent = 0;
    if (pos < trimmed.size() && (trimmed[pos] == u'e' || trimmed[pos] == u'E')) {
        ++pos;
        bool negativeExponent = false;
        if (pos < trimmed.size() && (trimmed[pos] == u'+' || trimmed[pos] == u'-')) {
            negativeExponent = trimmed[pos] == u'-';
            ++pos;
        }
        const qsizetype start = pos;
        while (pos < trimmed.size() && trimmed[pos].isDigit() && trimmed[pos].unicode() < 128)
            ++pos;
        if (pos == start || pos - start > MaxExponentDigits)
            return std::unexpected(QStringLiteral("%1 must be a number").arg(label));
        exponent = trimmed.mid(start, pos - start).toLongLong();
        if (negativeExponent)
            exponent = -exponent;
    }
    if (pos != trimmed.size())
        return std::unexpected(QStringLiteral("%1 must be a number").arg(label));

    // value = digits * 10^scale
    qint64 scale = exponent - fractionDigits;
    while (digits.size() > 1 && digits.startsWith(u'0'))
        digits.remove(0, 1);
    if (digits == u"0")
        return std::unexpected(QStringLiteral("%1 must be greater than zero").arg(label));
    if (negative)
        return std::unexpected(QStringLiteral("%1 must not be negative").arg(label));
    while (digits.endsWith(u'0')) {
        digits.chop(1);
        ++scale;
    }
    if (scale < -2)
        return std::unexpected(QStringLiteral("%1 must have at most two decimals").arg(label));
    // cents = digits * 10^(scale + 2); MaxCents has 12 digits.
    const qint64 centDigits = digits.size() + scale + 2;
    const QString tooLarge = QStringLiteral("%1 must be at most 1000000000.00").arg(label);
    if (centDigits > 12)
        return std::unexpected(tooLarge);
    qint64 cents = digits.toLongLong();
    for (qint64 i = 0; i < scale + 2; ++i)
        cents *= 10;
    if (cents > MaxCents)
        return std::unexpected(tooLarge);
    return Money(cents);
}

std::expected<Money, QString> Money::fromDouble(double value, QStringView label)
{
    if (std::isnan(value))
        return std::unexpected(QStringLiteral("%1 must be a number, not NaN").arg(label));
    if (std::isinf(value))
        return std::unexpected(QStringLiteral("%1 must be finite, not Infinity").arg(label));
    // The shortest text that reads back as the same double is what the sender wrote
    // ("650.5", "0.1"), so the decimal rules apply to that rather than to binary noise.
    char buffer[64];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc())
        return std::unexpected(QStringLiteral("%1 must be a number").arg(label));
    return parse(QString::fromLatin1(buffer, end - buffer), label);
}

QString Money::toString() const
{
    const qint64 whole = m_cents / 100;
    const qint64 part = std::abs(m_cents % 100);
    const QString sign = m_cents < 0 ? QStringLiteral("-") : QString();
    return sign + QString::number(std::abs(whole)) + u'.' +
           QStringLiteral("%1").arg(part, 2, 10, QLatin1Char('0'));
}

} // namespace BidTracker::Model
