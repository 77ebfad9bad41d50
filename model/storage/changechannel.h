#pragma once

#include "model/change.h"

#include <QString>
#include <optional>

namespace BidTracker::Model::ChangeChannel {

/// The PostgreSQL channel every process LISTENs on and NOTIFYs to.
inline constexpr const char* Name = "bidtracker_changes";

/// This process's random tag: a process ignores the notifications it sent itself (it has
/// announced those changes already).
const QString& processTag();

/// "v1 TAG KIND ACTION ID ITEM USER": small, plain text, well under NOTIFY's 8000 bytes.
QString encode(const Change& change);

/// A change another process sent, with its tag. Anything malformed (another program on
/// the channel, a newer version) gives nothing: it is outside input like any other.
struct Received
{
    QString tag;
    Change change;
};
std::optional<Received> decode(const QString& payload);

} // namespace BidTracker::Model::ChangeChannel
