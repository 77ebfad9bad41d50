#pragma once

#include <QString>
#include <QStringView>

class QLocale;
#include <compare>
#include <expected>

namespace BidTracker::Model {

/// An amount of money in integer cents. Every amount that enters the program goes through
/// parse() or fromDouble(), so the rules (positive, at most two decimals, at most
/// 1,000,000,000.00) hold everywhere.
class Money
{
public:
    static constexpr qint64 MaxCents = 100'000'000'000; // 1,000,000,000.00

    constexpr Money() = default;
    static constexpr Money fromCents(qint64 cents) { return Money(cents); }

    /// Parses a decimal amount: "650", "650.5", "1e3", surrounding blanks allowed.
    /// The error says in words why the text is not an acceptable amount, naming it `label`
    /// ("Starting price must be a number").
    static std::expected<Money, QString> parse(QStringView text, QStringView label = u"Value");
    /// Parses an amount typed or imported by a person, as the window writes amounts in
    /// `locale`: "1,350", "1,350.00", "1350.5", surrounding blanks, the locale's currency
    /// symbol or ISO code before or after ("$1,350.00", "1.350,00 €" in German). Refused,
    /// with the reason in words: more than two decimals, misplaced group separators
    /// ("1,35"), exponents ("1e5"), signs, zero, anything else. The one parser for people;
    /// JSON numbers keep parse() and fromDouble().
    static std::expected<Money, QString> parseTyped(QStringView text, const QLocale& locale);
    /// Accepts a number as sent in JSON, with the same rules as parse().
    static std::expected<Money, QString> fromDouble(double value, QStringView label = u"Value");

    constexpr qint64 cents() const { return m_cents; }
    double toDouble() const { return static_cast<double>(m_cents) / 100.0; }
    /// "1234.50": two decimals, no grouping; what CSV and messages show.
    QString toString() const;

    constexpr auto operator<=>(const Money&) const = default;
    constexpr Money operator+(Money other) const { return Money(m_cents + other.m_cents); }

private:
    constexpr explicit Money(qint64 cents) : m_cents(cents) {}
    qint64 m_cents = 0;
};

} // namespace BidTracker::Model
