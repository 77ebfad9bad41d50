#include "documentkind.h"

#include "biddercards.h"
#include "bidsheets.h"
#include "invoices.h"
#include "lotlabels.h"
#include "model/auctionservice.h"
#include "printsource.h"
#include "settlements.h"

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
    case DocumentKind::Invoices:
        return QStringLiteral("invoices");
    case DocumentKind::Report:
        return QStringLiteral("report");
    case DocumentKind::Settlements:
        return QStringLiteral("settlements");
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
    case DocumentKind::Invoices:
        return QStringLiteral("Invoices and receipts");
    case DocumentKind::Report:
        return QStringLiteral("End-of-night report");
    case DocumentKind::Settlements:
        return QStringLiteral("Settlement statements");
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
    return {DocumentKind::BidSheets, DocumentKind::BidderCards, DocumentKind::Labels,
            DocumentKind::Invoices,  DocumentKind::Report,      DocumentKind::Settlements};
}

Subject subjectOf(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::BidSheets:
    case DocumentKind::Labels:
        return Subject::Lots;
    case DocumentKind::BidderCards:
    case DocumentKind::Invoices:
        return Subject::Bidders;
    case DocumentKind::Report:
    case DocumentKind::Settlements:
        return Subject::Auction;
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
    if (kind == DocumentKind::Invoices) {
        auto invoices = source.invoices(selection.bidderIds);
        if (!invoices)
            return Model::fail(invoices.error());
        return std::make_unique<Invoices>(paper, *name, std::move(*invoices));
    }
    if (kind == DocumentKind::Settlements) {
        auto settlements = service.settlements();
        if (!settlements)
            return Model::fail(settlements.error());
        return std::make_unique<Settlements>(paper, *name, std::move(*settlements));
    }
    if (kind == DocumentKind::Report) {
        auto report = source.report();
        if (!report)
            return Model::fail(report.error());
        return std::make_unique<Report>(paper, *name, std::move(*report));
    }
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
