#pragma once

#include "model/money.h"

#include <QList>
#include <QString>
#include <optional>

namespace BidTracker::Print {

/// What a bid sheet or a label shows of one lot, read from the model by PrintSource.
struct PrintLot
{
    qint64 id = 0;
    QString name;
    QString description;
    QString donor;
    std::optional<Model::Money> fairMarketValue;
    Model::Money startingPrice;
    Model::Money minIncrement;
    /// The step at the starting price: the lot's increment, or the table's when larger.
    Model::Money openingStep;
    /// The lowest acceptable bid now: the starting price until the lot has bids.
    Model::Money firstMinimum;
    std::optional<Model::Money> buyNow;
    /// The closing time that applies (the lot view's: its own or the auction's "close all
    /// at", whichever comes first; ISO 8601 UTC); empty when it closes by hand.
    QString closesAt;
    /// The steps of the auction's increment table for this lot from its starting price on:
    /// from which price the bids rise by how much (RULES.md 2, "Step"); empty without a table.
    QList<std::pair<Model::Money, Model::Money>> steps;
};

/// What a bidder card shows of one bidder.
struct PrintBidder
{
    qint64 id = 0;
    /// The paddle number the bidder holds up.
    qint64 number = 0;
    QString name;
};

/// Which lots and bidders a document covers; an empty list means all of them.
struct Selection
{
    QList<qint64> lotIds;
    QList<qint64> bidderIds;
};

} // namespace BidTracker::Print
