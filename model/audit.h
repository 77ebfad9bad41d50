#pragma once

#include "error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <functional>

// The audit log (RULES.md 5): one entry per change, chained by SHA-256 so that an edit, an
// insertion, a deletion or a reordering shows.
namespace BidTracker::Model {

/// An entry as stored. `before` and `after` are compact JSON objects (sorted keys) of the
/// changed fields only.
struct AuditEntry
{
    qint64 id = 0;
    QString at;
    QString staff;
    QString station;
    QString action;
    QString object;
    QByteArray before = QByteArrayLiteral("{}");
    QByteArray after = QByteArrayLiteral("{}");
    QString hash;
};

/// A change as the service notes it, before the storage gives it its place and time.
struct AuditNote
{
    QString action;
    QString object;
    QJsonObject before;
    QJsonObject after;
};

/// The note of a change from the whole objects before and after it: the fields that differ
/// only (a creation: `before` empty; a deletion: `after` empty).
AuditNote auditChange(QString action, QString object, const QJsonObject& before,
                      const QJsonObject& after);

/// "{"a":1,"b":"x"}": what `before` and `after` are stored as.
QByteArray compactJson(const QJsonObject& object);

/// The entry's own content as compact JSON with sorted keys, UTF-8 (entry_id, at, staff,
/// station, action, object, before, after): what its hash covers.
QByteArray canonicalJson(const AuditEntry& entry);
/// SHA-256 (lower-case hex) of the previous entry's hash followed by canonicalJson(entry);
/// the first entry's previous hash is "".
QString chainHash(const QString& previousHash, const AuditEntry& entry);

/// The last hash and the number of entries: what is printed and kept to compare the chain
/// with.
struct AuditHead
{
    qint64 count = 0;
    QString hash;
    bool operator==(const AuditHead&) const = default;
};

/// What `audit verify` found.
struct AuditVerdict
{
    bool whole = true;
    AuditHead head;
    /// The first entry found wrong (0 when whole), and why, for people.
    qint64 firstBad = 0;
    QString problem;
};

/// Checks entries given in id order, one at a time (a million are never all in memory).
class AuditChainCheck
{
public:
    /// False once the chain broke (further entries are not needed).
    bool add(const AuditEntry& entry);
    /// The verdict, compared with the database's own head (the chain must end exactly
    /// there) and each head kept elsewhere (a backup's, a station's, the end-of-night
    /// report's): a head the chain does not reach or passes differently names the entry.
    AuditVerdict finish(const AuditHead& databaseHead, const QList<AuditHead>& knownHeads) const;

private:
    AuditVerdict m_verdict;
    QList<QString> m_recentHashes;
};

} // namespace BidTracker::Model
