#include "jsonwriter.h"

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>
#include <optional>

namespace BidTracker::Api {

namespace {

void writeString(QByteArray& out, const QString& text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

/// The one key of exactMoney()'s marker object: a NUL never appears in a key this API writes.
const QString ExactMoneyKey = QStringLiteral("\u0000cents");

/// The exact decimal text of `cents` in currency units, as Python printed 500.0 and 12.5.
QByteArray exactMoneyText(qint64 cents)
{
    // Unsigned, so that the most negative amount has a magnitude too.
    const quint64 magnitude =
        cents < 0 ? 0 - static_cast<quint64>(cents) : static_cast<quint64>(cents);
    QByteArray text = cents < 0 ? QByteArrayLiteral("-") : QByteArray();
    text += QByteArray::number(magnitude / 100);
    text += '.';
    const quint64 fraction = magnitude % 100;
    if (fraction % 10 == 0)
        text += QByteArray::number(fraction / 10);
    else
        text += QByteArray::number(fraction).rightJustified(2, '0');
    return text;
}

/// The cents of an exactMoney() marker, or nothing for any other object.
std::optional<qint64> exactMoneyOf(const QJsonObject& object)
{
    if (object.size() != 1 || object.begin().key() != ExactMoneyKey)
        return std::nullopt;
    bool ok = false;
    const qint64 cents = object.begin().value().toString().toLongLong(&ok);
    return ok ? std::optional<qint64>(cents) : std::nullopt;
}

bool isMoneyKey(const QString& key)
{
    // "minimum": a refusal's fact (below_minimum), money like the rest.
    return key == u"value" || key == u"winning_value" || key == u"starting_price" ||
           key == u"min_increment" || key == u"buy_now" || key == u"minimum";
}

void writeNumber(QByteArray& out, const QJsonValue& value, bool money)
{
    const double number = value.toDouble();
    if (!money && std::trunc(number) == number && std::abs(number) < 9.007e15) {
        out += QByteArray::number(static_cast<qint64>(number));
        return;
    }
    if (!std::isfinite(number)) {
        out += "null";
        return;
    }
    // As Python printed the original's floats: 2000000.0 and 12.5, never 2e+06. Money is
    // at most 1,000,000,000.00, far below where Python switches to exponents (1e16).
    QByteArray text = money && std::abs(number) < 1e16
                          ? QByteArray::number(number, 'f', QLocale::FloatingPointShortest)
                          : QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
    if (!text.contains('.') && !text.contains('e'))
        text += ".0";
    out += text;
}

void write(QByteArray& out, const QJsonValue& value, bool money = false)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += value.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double:
        writeNumber(out, value, money);
        break;
    case QJsonValue::String:
        writeString(out, value.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        bool first = true;
        for (const QJsonValue& element : value.toArray()) {
            if (!first)
                out += ',';
            first = false;
            write(out, element);
        }
        out += ']';
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (const auto cents = exactMoneyOf(object)) {
            out += exactMoneyText(*cents);
            break;
        }
        out += '{';
        bool first = true;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!first)
                out += ',';
            first = false;
            writeString(out, it.key());
            out += ':';
            write(out, it.value(), isMoneyKey(it.key()));
        }
        out += '}';
        break;
    }
    }
}

} // namespace

QJsonValue exactMoney(qint64 cents)
{
    return QJsonObject{{ExactMoneyKey, QString::number(cents)}};
}

QByteArray writeJson(const QJsonValue& value)
{
    QByteArray out;
    out.reserve(256);
    write(out, value);
    return out;
}

} // namespace BidTracker::Api
