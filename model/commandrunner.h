// The parts of AuctionService::apply(), each run inside its one write transaction (not a
// public header: part of the service's implementation).
#pragma once

#include "auctionservice.h"
#include "command.h"

namespace BidTracker::Model {

/// Carries out the parts of a command in order and builds the inverse as it goes: each part
/// adds to `inverse` what takes it back, with the versions it left. The first refusal stops
/// it; the caller's transaction then rolls everything back.
class CommandRunner
{
public:
    explicit CommandRunner(AuctionService& service);

    Result<Command> run(const Command& command);

private:
    // Rows put back and taken out (auctionservice_restore.cpp)
    Result<void> putBackItem(const Item& item);
    Result<void> putBackUser(const User& user);
    Result<void> putBackBid(const Bid& bid);
    Result<void> putBackRaise(const MaximumRaise& raise);
    Result<void> takeOutBid(qint64 bidId);
    Result<void> takeOutRaise(qint64 raiseId);
    Result<void> takeOutItem(const Command::Row& row);
    Result<void> takeOutUser(const Command::Row& row);
    Result<std::optional<MaximumRaise>> findRaise(qint64 raiseId);

    // Fields and sales (auctionservice_commands.cpp)
    Result<void> setSettings(const Command::SettingsFields& part);
    Result<void> closeOpenLots(const QString& closedAt);
    /// Close-all: every open lot, stamped with the time read once their locks are held.
    Result<void> closeAllOpenNow();
    Result<void> buy(const Command::Purchase& part);
    Result<void> unbuy(const Command::PurchaseUndone& part);
    Result<void> setLot(const Command::LotFields& part);
    Result<void> setBidder(const Command::BidderFields& part);
    /// The lot locked, refused as stale when gone or not at `version` (0: any).
    Result<Item> lotAt(qint64 itemId, qint64 version);
    /// The lot's version now (read inside the transaction).
    Result<qint64> versionOf(qint64 itemId);
    /// Notes that the object's version `now` stands for its older `previous` (0: none).
    void moved(EntityKind kind, qint64 id, qint64 previous, qint64 now);

    AuctionService& m_service;
    Storage& m_storage;
    Command m_inverse;
};

} // namespace BidTracker::Model
