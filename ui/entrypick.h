#pragma once

#include <QString>
#include <QStringList>

namespace BidTracker::Model {
class AuctionService;
struct Item;
struct User;
} // namespace BidTracker::Model

namespace BidTracker::Gui {

/// What a clerk's text picks: one lot or bidder, or why none ("3 lots match …").
struct EntryPick
{
    qint64 id = 0;
    QString label;       // "item2 · Vase" or "Constance (user3)": shown once picked
    QString problem;     // in words, when nothing is picked
    QStringList matches; // the labels of the first matches, for type-ahead
    bool picked() const { return id > 0; }
};

/// The labels the window uses wherever a lot or bidder is named in a list, so that two lots
/// or bidders of the same name are told apart.
QString lotLabel(qint64 itemId, const QString& name);
QString bidderLabel(qint64 userId, const QString& name);

/// The open lot `text` names, through the service's lookup (id, its number, or a name): the
/// exact id when it is one, else the only match.
EntryPick pickLot(Model::AuctionService& service, const QString& text);
/// The bidder `text` names, the same way (paddle numbers will come through the same lookup).
EntryPick pickBidder(Model::AuctionService& service, const QString& text);

} // namespace BidTracker::Gui
