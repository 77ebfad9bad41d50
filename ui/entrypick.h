#pragma once

#include <QList>
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
    QString label;            // "item2 · Vase" or "Constance (102)": shown once picked
    QString problem;          // in words, when nothing is picked
    QStringList matches;      // the labels of the first matches, for type-ahead
    bool unavailable = false; // the database did not answer (see pickLotFrom)
    bool picked() const { return id > 0; }
};

/// The labels the window uses wherever a lot or bidder is named in a list, so that two lots
/// or bidders of the same name are told apart.
QString lotLabel(qint64 itemId, const QString& name);
/// "John Smith (107)": the name with the paddle number.
QString bidderLabel(const QString& name, qint64 number);

/// The open lot `text` names, through the service's lookup: a lot number or id means that lot
/// ("Lot 8 is closed (...)" when it is), a name the only lot matching it.
EntryPick pickLot(Model::AuctionService& service, const QString& text);
/// The bidder `text` names where a bid or payment is recorded: a number is a paddle number and
/// only that ("No paddle 199"), "user12" an id, other text a name (never a phone or e-mail).
EntryPick pickBidder(Model::AuctionService& service, const QString& text);

/// The same picks from rows already read (the window's tables), for when the database does
/// not answer: a clerk's Tab keeps working from the last data during an outage. A number or
/// id means that lot or paddle, other text the lots or bidders whose name holds it.
EntryPick pickLotFrom(const QList<Model::Item>& lots, const QString& text);
EntryPick pickBidderFrom(const QList<Model::User>& bidders, const QString& text);

} // namespace BidTracker::Gui
