#include "changechannel.h"

#include <QRandomGenerator>
#include <QStringList>
#include <limits>

namespace BidTracker::Model::ChangeChannel {

namespace {

constexpr qint64 MaxId = std::numeric_limits<qint64>::max();

} // namespace

const QString& processTag()
{
    static const QString tag = QString::number(QRandomGenerator::system()->generate64(), 36);
    return tag;
}

QString encode(const Change& change)
{
    return QStringLiteral("v1 %1 %2 %3 %4 %5 %6")
        .arg(processTag())
        .arg(static_cast<int>(change.kind))
        .arg(static_cast<int>(change.action))
        .arg(change.id)
        .arg(change.itemId)
        .arg(change.userId);
}

std::optional<Received> decode(const QString& payload)
{
    if (payload.size() > 200)
        return std::nullopt;
    const QStringList parts = payload.split(u' ');
    if (parts.size() != 7 || parts[0] != u"v1" || parts[1].isEmpty())
        return std::nullopt;
    bool ok[5] = {};
    const int kind = parts[2].toInt(&ok[0]);
    const int action = parts[3].toInt(&ok[1]);
    const qint64 numbers[3] = {parts[4].toLongLong(&ok[2]), parts[5].toLongLong(&ok[3]),
                               parts[6].toLongLong(&ok[4])};
    for (bool fine : ok)
        if (!fine)
            return std::nullopt;
    if (kind < static_cast<int>(EntityKind::User) || kind > static_cast<int>(EntityKind::Bid))
        return std::nullopt;
    if (action < static_cast<int>(Change::Action::Added) ||
        action > static_cast<int>(Change::Action::Reset))
        return std::nullopt;
    for (qint64 number : numbers)
        if (number < 0 || number > MaxId)
            return std::nullopt;
    return Received{parts[1],
                    Change{static_cast<EntityKind>(kind), static_cast<Change::Action>(action),
                           numbers[0], numbers[1], numbers[2]}};
}

} // namespace BidTracker::Model::ChangeChannel
