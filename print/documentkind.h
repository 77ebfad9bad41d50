#pragma once

#include "model/error.h"
#include "paper.h"
#include "printrecords.h"

#include <QStringList>
#include <memory>
#include <optional>

namespace BidTracker::Model {
class AuctionService;
}

namespace BidTracker::Print {

class Document;

/// The documents Bid Tracker prints.
enum class DocumentKind { BidSheets, BidderCards, Labels, Invoices, Report, Settlements };

/// "bid-sheets", "bidder-cards", "labels", "invoices", "report", "settlements": the command
/// line's names.
QString documentKindName(DocumentKind kind);
/// "Bid sheets": the window's.
QString documentKindTitle(DocumentKind kind);
std::optional<DocumentKind> parseDocumentKind(QStringView name);
QList<DocumentKind> documentKinds();
/// What a document is chosen by: lots (--lots), bidders (--bidders), or the whole auction.
enum class Subject { Lots, Bidders, Auction };
Subject subjectOf(DocumentKind kind);

/// The document of this kind for the selected lots or bidders, read through the service.
/// The error (NotFound for an id that does not exist) comes before anything is drawn.
Model::Result<std::unique_ptr<Document>> makeDocument(DocumentKind kind, Paper paper,
                                                      const Selection& selection,
                                                      Model::AuctionService& service);

} // namespace BidTracker::Print
