#pragma once

#include "model/change.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace BidTracker::Model::ChangeChannel {

/// The PostgreSQL channel every process LISTENs on and NOTIFYs to.
inline constexpr const char* Name = "bidtracker_changes";

/// This process's random tag: a process ignores the notifications it sent itself (it has
/// announced those changes already).
const QString& processTag();

/// At most this many changes go in one notification ("v1 TAG" then ";KIND ACTION ID ITEM
/// USER" for each): far under NOTIFY's 8000-byte limit.
inline constexpr qsizetype ChangesPerNotification = 100;

/// The payloads that carry `changes`, in order.
QStringList encode(const QList<Change>& changes);

/// What another process sent, with its tag. Anything malformed (another program on the
/// channel, a newer version) gives nothing: it is outside input like any other.
struct Received
{
    QString tag;
    QList<Change> changes;
};
std::optional<Received> decode(const QString& payload);

} // namespace BidTracker::Model::ChangeChannel
