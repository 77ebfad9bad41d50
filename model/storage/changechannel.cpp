#include "changechannel.h"

#include <QRandomGenerator>
#include <QStringList>

namespace BidTracker::Model::ChangeChannel {

const QString& processTag()
{
    static const QString tag = QString::number(QRandomGenerator::system()->generate64(), 36);
    return tag;
}

QStringList encode(const QList<Change>& changes)
{
    QStringList payloads;
    for (qsizetype first = 0; first < changes.size(); first += ChangesPerNotification) {
        QString payload = QStringLiteral("v1 ") + processTag();
        for (const Change& change : changes.mid(first, ChangesPerNotification))
            payload += QStringLiteral(";%1 %2 %3 %4 %5")
                           .arg(static_cast<int>(change.kind))
                           .arg(static_cast<int>(change.action))
                           .arg(change.id)
                           .arg(change.itemId)
                           .arg(change.userId);
        payloads.append(payload);
    }
    return payloads;
}

namespace {

std::optional<Change> decodeOne(const QString& text)
{
    const QStringList parts = text.split(u' ');
    if (parts.size() != 5)
        return std::nullopt;
    bool ok[5] = {};
    const int kind = parts[0].toInt(&ok[0]);
    const int action = parts[1].toInt(&ok[1]);
    const qint64 numbers[3] = {parts[2].toLongLong(&ok[2]), parts[3].toLongLong(&ok[3]),
                               parts[4].toLongLong(&ok[4])};
    for (bool fine : ok)
        if (!fine)
            return std::nullopt;
    if (kind < static_cast<int>(EntityKind::User) || kind > static_cast<int>(LastEntityKind))
        return std::nullopt;
    if (action < static_cast<int>(Change::Action::Added) ||
        action > static_cast<int>(Change::Action::Reset))
        return std::nullopt;
    for (qint64 number : numbers)
        if (number < 0)
            return std::nullopt;
    return Change{static_cast<EntityKind>(kind), static_cast<Change::Action>(action), numbers[0],
                  numbers[1], numbers[2]};
}

} // namespace

std::optional<Received> decode(const QString& payload)
{
    if (payload.size() > 8000)
        return std::nullopt;
    QStringList parts = payload.split(u';');
    const QStringList head = parts.takeFirst().split(u' ');
    if (head.size() != 2 || head[0] != u"v1" || head[1].isEmpty() || parts.isEmpty() ||
        parts.size() > ChangesPerNotification)
        return std::nullopt;
    Received received{head[1], {}};
    for (const QString& part : std::as_const(parts)) {
        const auto change = decodeOne(part);
        if (!change)
            return std::nullopt;
        received.changes.append(*change);
    }
    return received;
}

} // namespace BidTracker::Model::ChangeChannel
