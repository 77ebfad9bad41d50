#pragma once

#include "error.h"
#include "rules/increments.h"
#include "rules/invoicemath.h"

#include <QString>

namespace BidTracker::Model {

/// Soft close (RULES.md 3): zeros switch it off.
struct SoftClose
{
    qint64 windowSeconds = 0;
    qint64 extendSeconds = 0;
    qint64 maxExtendSeconds = 0;
    bool operator==(const SoftClose&) const = default;
};

/// The auction's one row of settings (RULES.md 1), with its defaults.
struct AuctionSettings
{
    QString name = QStringLiteral("Auction");
    /// ISO 4217 code, three capital letters.
    QString currency = QStringLiteral("USD");
    Rules::BasisPoints buyersPremium = 0;
    Rules::BasisPoints taxRate = 0;
    /// The commission a consignor pays who has no rate of their own (RULES.md 6).
    Rules::BasisPoints commissionRate = 0;
    Rules::IncrementTable increments;
    SoftClose softClose;
    qint64 firstBidderNumber = 100;
    /// When every open lot closes (ISO 8601 UTC); empty: no such time.
    QString closeAllAt;
    bool operator==(const AuctionSettings&) const = default;
};

/// Where the settings row stands in its history (API.md "Versions and safe retries"); kept
/// apart from AuctionSettings, whose equality means "the same settings".
struct SettingsVersion
{
    qint64 version = 0;
    /// When the last change was made (the database's clock); empty before the first.
    QString changedAt;
};

/// The largest rate a setting takes: 100.00 %.
inline constexpr Rules::BasisPoints MaxRate = 10'000;
/// The largest paddle number (RULES.md 4: 1 to 999,999, what a clerk can type and a card
/// can print), and the largest soft-close time (a week), in seconds.
inline constexpr qint64 MaxBidderNumber = 999'999;
inline constexpr qint64 MaxSoftCloseSeconds = 7 * 24 * 3600;

/// Checks every setting, whichever door the settings came through; the error names the
/// first field that is wrong (`name`, `currency`, `buyers_premium`, `tax_rate`, `commission_rate`,
/// `increments`, `soft_close`, `first_bidder_number`, `close_all_at`). Returns the settings
/// as they are stored (the name trimmed as every name is).
Result<AuctionSettings> checkSettings(const AuctionSettings& settings);

/// A rate written with up to two decimals ("8.25", "15") in basis points; nothing for text
/// that is not such a rate between 0 and 100.
std::optional<Rules::BasisPoints> parseRate(QStringView text);
/// "8.25", "15", "0.5": a rate as people write it.
QString formatRate(Rules::BasisPoints rate);

/// The increment table as stored in one text column: "FROM:STEP" in cents, ';' between rows.
QString encodeIncrements(const Rules::IncrementTable& table);
std::optional<Rules::IncrementTable> decodeIncrements(QStringView text);

} // namespace BidTracker::Model
