#pragma once

#include "error.h"

#include <QString>
#include <QStringList>
#include <optional>

// Staff roles and what each may do (RULES.md 5): the role table as data, and the one check
// every command makes before it changes anything.
namespace BidTracker::Model {

enum class Role { Viewer, CheckIn, Clerk, Cashier, Admin };

/// "viewer", "check-in", "clerk", "cashier", "admin" (API.md "Consignors": staff roles).
QString roleName(Role role);
std::optional<Role> parseRole(QStringView text);

/// The rows of RULES.md 5's role table, one per kind of work.
enum class Permission {
    /// Read bidders' phone, email, check-in time.
    ReadContacts,
    /// Add and edit bidders, check in, print cards, issue phone keys.
    EditBidders,
    /// Place and delete bids, buy now for a bidder, raise maximums, see maximums.
    Bidding,
    /// Add and edit lots, close and reopen one lot.
    EditLots,
    /// Read invoices, payments, donations, the summary.
    ReadCheckout,
    /// Take payments, add donations.
    TakePayments,
    /// Void a payment (a cashier: their own, within 15 minutes; checked by the service).
    VoidPayment,
    /// Read settlements, take and void payouts.
    Settlements,
    /// Settings, close all, import, delete lots or bidders, staff, consignors, audit log.
    Administer,
};

/// Whether `role` may do `permission` (the role table).
bool mayDo(Role role, Permission permission);
/// The roles that may, in the table's order: the `needs` fact of a refusal.
QStringList rolesAllowed(Permission permission);

/// Who is making a change, and where: what every audit entry names. Without staff accounts
/// the operator has every right (RULES.md 5: "Bid Tracker runs as today").
struct Actor
{
    /// "Ann", "api:kiosk-2", "cli:alice", "system:closer", "operator".
    QString name = QStringLiteral("operator");
    Role role = Role::Admin;
    QString station;
    /// The account behind the actor; 0 for the operator, the closer, the command line.
    qint64 staffId = 0;
};

/// Refused (Reason::ForbiddenRole, fact `needs`: the roles allowed) unless `actor` may.
Result<void> authorize(const Actor& actor, Permission permission);

/// How long a cashier may void their own payment (RULES.md 5).
inline constexpr qint64 OwnVoidWindowSeconds = 15 * 60;

} // namespace BidTracker::Model

namespace BidTracker::Model {

/// A staff account (RULES.md 5). The PIN or password is kept only as `secretHash`, an
/// Argon2id string (libsodium's crypto_pwhash_str), never read back by any door.
struct StaffAccount
{
    qint64 id = 0;
    QString name;
    Role role = Role::Viewer;
    QString secretHash;
    bool active = true;
    QString createdAt;
};

/// A named token of an account for a kiosk or a script; the token itself is shown once and
/// kept only as its SHA-256 hash.
struct StaffToken
{
    qint64 id = 0;
    qint64 staffId = 0;
    QString name;
    QString createdAt;
    /// Empty while the token works.
    QString revokedAt;
};

/// Wrong PINs in a row for an account at a station, and until when its next try waits.
struct SignInFailures
{
    qint64 failures = 0;
    QString waitUntil;
};

/// What GET /audit filters by; empty fields match everything.
struct AuditFilter
{
    QString object;
    QString staff;
    QString station;
    QString action;
    /// Entries at or after this time stamp, and before `until`.
    QString since;
    QString until;
};

} // namespace BidTracker::Model
