#include "document.h"

#include "pagecanvas.h"

#include <QPagedPaintDevice>

namespace BidTracker::Print {

bool render(const Document& document, QPagedPaintDevice& device)
{
    device.setPageLayout(
        QPageLayout(pageSize(document.paper()), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    PageCanvas canvas(device);
    if (!canvas.isActive())
        return false;
    const int pages = document.pageCount();
    for (int page = 0; page < pages; ++page) {
        if (page > 0 && !canvas.newPage())
            return false;
        document.paintPage(canvas, page);
    }
    return true;
}

} // namespace BidTracker::Print
