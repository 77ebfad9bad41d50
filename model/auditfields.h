// The fields of each record as an audit entry shows them (the service's implementation, not
// a public header). Only what a person changes: no bid counts, no versions, never a secret's
// hash. Amounts are numbers in the currency, as the API writes them.
#pragma once

#include "auctionsettings.h"
#include "audit.h"
#include "records.h"
#include "staff.h"

#include <QJsonObject>

namespace BidTracker::Model {

QJsonObject auditFields(const Item& item);
QJsonObject auditFields(const User& user);
QJsonObject auditFields(const Bid& bid);
QJsonObject auditFields(const Payment& payment);
QJsonObject auditFields(const Donation& donation);
QJsonObject auditFields(const AuctionSettings& settings);
/// The fields a change sets (those left empty are not there).
QJsonObject auditFields(const ItemChanges& changes);
QJsonObject auditFields(const UserChanges& changes, const std::optional<QString>& checkedInAt);

struct Command;
/// What a command needs the actor to be allowed (commandaudit.cpp): one permission per
/// kind of part it holds (RULES.md 5: deleting lots or bidders, settings and close all are
/// an admin's).
QList<Permission> commandPermissions(const Command& command);
/// One note per part of a command that ran, its `inverse` giving the values before.
QList<AuditNote> commandAudit(const Command& command, const Command& inverse);

} // namespace BidTracker::Model
