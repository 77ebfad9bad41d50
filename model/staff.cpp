#include "staff.h"

#include <array>

namespace BidTracker::Model {

namespace {

constexpr std::array<const char*, 5> roleNames = {"viewer", "check-in", "clerk", "cashier",
                                                  "admin"};

// RULES.md 5, row by row; the columns are viewer, check-in, clerk, cashier, admin.
struct RoleRow
{
    Permission permission;
    std::array<bool, 5> allowed;
};
constexpr RoleRow roleTable[] = {
    {Permission::ReadContacts, {false, true, false, true, true}},
    {Permission::EditBidders, {false, true, false, true, true}},
    {Permission::Bidding, {false, false, true, false, true}},
    {Permission::EditLots, {false, false, true, false, true}},
    {Permission::ReadCheckout, {false, false, false, true, true}},
    {Permission::TakePayments, {false, false, false, true, true}},
    {Permission::VoidPayment, {false, false, false, true, true}},
    {Permission::Settlements, {false, false, false, true, true}},
    {Permission::Administer, {false, false, false, false, true}},
};

const RoleRow& rowOf(Permission permission)
{
    for (const RoleRow& row : roleTable) {
        if (row.permission == permission)
            return row;
    }
    return roleTable[std::size(roleTable) - 1]; // unreachable: every permission has a row
}

} // namespace

QString roleName(Role role)
{
    return QString::fromLatin1(roleNames[static_cast<std::size_t>(role)]);
}

std::optional<Role> parseRole(QStringView text)
{
    for (std::size_t i = 0; i < roleNames.size(); ++i) {
        if (text == QLatin1String(roleNames[i]))
            return static_cast<Role>(i);
    }
    return std::nullopt;
}

bool mayDo(Role role, Permission permission)
{
    return rowOf(permission).allowed[static_cast<std::size_t>(role)];
}

QStringList rolesAllowed(Permission permission)
{
    QStringList roles;
    const RoleRow& row = rowOf(permission);
    for (std::size_t i = 0; i < row.allowed.size(); ++i) {
        if (row.allowed[i])
            roles.append(QString::fromLatin1(roleNames[i]));
    }
    return roles;
}

Result<void> authorize(const Actor& actor, Permission permission)
{
    if (mayDo(actor.role, permission))
        return {};
    const QStringList needs = rolesAllowed(permission);
    return fail(Error::refused(
                    Error::Reason::ForbiddenRole,
                    QStringLiteral("%1 (%2) may not do this: it needs the role %3")
                        .arg(actor.name, roleName(actor.role), needs.join(QStringLiteral(" or "))))
                    .with(QStringLiteral("needs"), needs));
}

} // namespace BidTracker::Model
