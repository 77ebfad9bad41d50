#pragma once

#include "paper.h"

#include <QString>

class QPagedPaintDevice;

namespace BidTracker::Print {

class PageCanvas;

/// A printable document: a number of pages, each painted by one function. render() drives
/// it on any paged device, so the print preview, the printer and the PDF file show the same
/// layout from the same code.
class Document
{
public:
    explicit Document(Paper paper) : m_paper(paper) {}
    virtual ~Document() = default;
    Q_DISABLE_COPY_MOVE(Document)

    Paper paper() const { return m_paper; }
    /// The title a PDF or print job carries ("Bid sheets").
    virtual QString title() const = 0;
    /// At least 1: an empty document prints one page that says so.
    virtual int pageCount() const = 0;
    /// Paints page `index` (from 0) on a canvas measured in points.
    virtual void paintPage(PageCanvas& canvas, int index) const = 0;

private:
    Paper m_paper;
};

/// Sets the device's page to the document's paper with no margins (the layouts keep their
/// own, and labels must sit where the sheet's labels are) and paints every page. False when
/// the device could not be painted on.
bool render(const Document& document, QPagedPaintDevice& device);

} // namespace BidTracker::Print
