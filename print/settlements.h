#pragma once

#include "document.h"
#include "flowlayout.h"
#include "model/consignor.h"

namespace BidTracker::Print {

/// Settlement statements (RULES.md 6), one consignor after the other, each starting on a new
/// page: the house's name, the consignor, each lot sold with hammer, commission and fee
/// (and whether its buyer has paid), the lots returned unsold with their fee, the lots still
/// open, the net, the payouts with who paid them out and where, the balance and what is
/// payable now.
class Settlements final : public Document
{
public:
    Settlements(Paper paper, QString houseName, QList<Model::Settlement> settlements);

    QString title() const override;
    int pageCount() const override;
    void paintPage(PageCanvas& canvas, int index) const override;

private:
    struct Page
    {
        qsizetype settlement = 0;
        int number = 0; // from 1, within the statement
        int of = 0;
        QList<FlowRow> rows;
    };
    void paintHeading(PageCanvas& canvas, const Page& page) const;

    QString m_houseName;
    QList<Model::Settlement> m_settlements;
    QList<Page> m_pages;
};

} // namespace BidTracker::Print
