#include "audit.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace BidTracker::Model {

namespace {

/// A JSON string literal, UTF-8, escaped as QJsonDocument writes it for the characters that
/// must be ("\"", "\\" and controls).
void appendJsonString(QByteArray& out, const QString& text)
{
    out.append('"');
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (byte < 0x20) {
            static const char* const hex = "0123456789abcdef";
            out.append("\\u00").append(hex[byte >> 4]).append(hex[byte & 0xf]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

} // namespace

QByteArray compactJson(const QJsonObject& object)
{
    if (object.isEmpty()) // the "before" of every addition
        return QByteArrayLiteral("{}");
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

AuditNote auditChange(QString action, QString object, const QJsonObject& before,
                      const QJsonObject& after)
{
    // An addition or a removal keeps its fields whole (the hot path: every bid is one).
    if (before.isEmpty() || after.isEmpty())
        return AuditNote{std::move(action), std::move(object), before, after};
    AuditNote note{std::move(action), std::move(object), {}, {}};
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (after.value(it.key()) != it.value())
            note.before.insert(it.key(), it.value());
    }
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (before.value(it.key()) != it.value())
            note.after.insert(it.key(), it.value());
    }
    return note;
}

QByteArray canonicalJson(const AuditEntry& entry)
{
    // Keys in sorted order: action, after, at, before, entry_id, object, staff, station.
    QByteArray out;
    out.reserve(160 + entry.before.size() + entry.after.size());
    out.append("{\"action\":");
    appendJsonString(out, entry.action);
    out.append(",\"after\":").append(entry.after);
    out.append(",\"at\":");
    appendJsonString(out, entry.at);
    out.append(",\"before\":").append(entry.before);
    out.append(",\"entry_id\":").append(QByteArray::number(entry.id));
    out.append(",\"object\":");
    appendJsonString(out, entry.object);
    out.append(",\"staff\":");
    appendJsonString(out, entry.staff);
    out.append(",\"station\":");
    appendJsonString(out, entry.station);
    out.append('}');
    return out;
}

QString chainHash(const QString& previousHash, const AuditEntry& entry)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previousHash.toLatin1());
    hash.addData(canonicalJson(entry));
    return QString::fromLatin1(hash.result().toHex());
}

bool AuditChainCheck::add(const AuditEntry& entry)
{
    if (!m_verdict.whole)
        return false;
    const qint64 expected = m_verdict.head.count + 1;
    auto broken = [&](qint64 id, QString problem) {
        m_verdict.whole = false;
        m_verdict.firstBad = id;
        m_verdict.problem = std::move(problem);
        return false;
    };
    if (entry.id > expected)
        return broken(expected,
                      QStringLiteral("entry %1 is missing: deleted (the next entry is %2)")
                          .arg(expected)
                          .arg(entry.id));
    if (entry.id < expected)
        return broken(
            entry.id,
            QStringLiteral("entry %1 appears twice or out of order: inserted").arg(entry.id));
    if (chainHash(m_verdict.head.hash, entry) != entry.hash) {
        // An entry whose stored hash follows an earlier entry's was moved; else edited.
        const bool moved =
            m_recentHashes.size() > 1 &&
            chainHash(m_recentHashes.at(m_recentHashes.size() - 2), entry) == entry.hash;
        return broken(entry.id,
                      moved
                          ? QStringLiteral("entry %1 is out of its place: reordered").arg(entry.id)
                          : QStringLiteral("entry %1 does not match its hash: edited, inserted "
                                           "or reordered")
                                .arg(entry.id));
    }
    m_verdict.head = {entry.id, entry.hash};
    m_recentHashes.append(entry.hash);
    if (m_recentHashes.size() > 2)
        m_recentHashes.removeFirst();
    return true;
}

AuditVerdict AuditChainCheck::finish(const AuditHead& databaseHead,
                                     const QList<AuditHead>& knownHeads) const
{
    AuditVerdict verdict = m_verdict;
    if (!verdict.whole)
        return verdict;
    if (verdict.head.count > databaseHead.count) {
        verdict.whole = false;
        verdict.firstBad = databaseHead.count + 1;
        verdict.problem = QStringLiteral("entry %1 is past the head of the log (%2 entries): "
                                         "inserted")
                              .arg(databaseHead.count + 1)
                              .arg(databaseHead.count);
        return verdict;
    }
    QList<AuditHead> heads = knownHeads;
    heads.prepend(databaseHead);
    for (const AuditHead& known : std::as_const(heads)) {
        if (known.count > verdict.head.count) {
            verdict.whole = false;
            verdict.firstBad = verdict.head.count + 1;
            verdict.problem =
                QStringLiteral("entries %1 to %2 are missing: deleted (a head of %2 entries was "
                               "kept)")
                    .arg(verdict.head.count + 1)
                    .arg(known.count);
            return verdict;
        }
        if (known.count == verdict.head.count && known.hash != verdict.head.hash) {
            verdict.whole = false;
            verdict.firstBad = known.count;
            verdict.problem =
                QStringLiteral("the chain was rebuilt: entry %1's hash differs from the head kept")
                    .arg(known.count);
            return verdict;
        }
    }
    return verdict;
}

} // namespace BidTracker::Model
