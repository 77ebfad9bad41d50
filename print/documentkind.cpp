#include "documentkind.h"

#include "biddercards.h"
#include "bidsheets.h"
#include "lotlabels.h"
#include "printsource.h"

namespace BidTracker::Print {

QString documentKindName(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::BidSheets:
        return QStringLiteral("bid-sheets");
    case DocumentKind::BidderCards:
        return QStringLiteral("bidder-cards");
    case DocumentKind::Labels:
        return QStringLiteral("labels");
    }
    return {};
}

QString documentKindTitle(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::BidSheets:
        return QStringLiteral("Bid sheets");
    case DocumentKind::BidderCards:
        return QStringLiteral("Bidder cards");
    case DocumentKind::Labels:
        return QStringLiteral("Lot labels");
    }
    return {};
}

std::optional<DocumentKind> parseDocumentKind(QStringView name)
{
    for (const DocumentKind kind : documentKinds()) {
        if (name == documentKindName(kind))
            return kind;
    }
    return std::nullopt;
}

QList<DocumentKind> documentKinds()
{
    return {DocumentKind::BidSheets, DocumentKind::BidderCards, DocumentKind::Labels};
}

Subject subjectOf(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::BidSheets:
    case DocumentKind::Labels:
        return Subject::Lots;
    case DocumentKind::BidderCards:
        return Subject::Bidders;
    }
    return Subject::Auction;
}

Model::Result<std::unique_ptr<Document>> makeDocument(DocumentKind kind, Paper paper,
                                                      const Selection& selection,
                                                      Model::AuctionService& service)
{
    PrintSource source(service);
    auto name = source.auctionName();
    if (!name)
        return Model::fail(name.error());
    if (kind == DocumentKind::BidderCards) {
        auto bidders = source.bidders(selection.bidderIds);
        if (!bidders)
            return Model::fail(bidders.error());
        return std::make_unique<BidderCards>(paper, *name, std::move(*bidders));
    }
    auto lots = source.lots(selection.lotIds);
    if (!lots)
        return Model::fail(lots.error());
    if (kind == DocumentKind::Labels)
        return std::make_unique<LotLabels>(paper, std::move(*lots));
    return std::make_unique<BidSheets>(paper, *name, std::move(*lots));
}

} // namespace BidTracker::Print
