#include "printsource.h"

#include "model/auctionservice.h"
#include "model/rules/lotview.h"

#include <QDateTime>
#include <QHash>

namespace BidTracker::Print {

namespace {

// Read in pages, so that a big auction is never held twice over in one query's result.
constexpr qint64 PageRows = 2'000;

template <typename T, typename Read> Model::Result<QList<T>> readAll(Read&& read)
{
    QList<T> all;
    for (qint64 offset = 0;; offset += PageRows) {
        auto page = read(Model::Page{PageRows, offset});
        if (!page)
            return Model::fail(page.error());
        all.append(page->rows);
        if (page->rows.size() < PageRows || offset + PageRows >= page->total)
            return all;
    }
}

// A sheet has room for a few steps; the floor knows the rest.
constexpr qsizetype MaxSteps = 4;

/// The steps a bidder meets from the lot's starting price on, as the model's rule has them
/// for this lot (a lot's own increment may be larger than the table's): the step in force at
/// the starting price, then each later row whose step differs. Rows below the starting price
/// never apply to the lot, so they are left out.
QList<std::pair<Model::Money, Model::Money>>
firstSteps(const Model::Rules::IncrementTable& table, Model::Money lotIncrement, Model::Money start)
{
    QList<std::pair<Model::Money, Model::Money>> steps;
    if (table.isEmpty())
        return steps;
    steps.append({start, Model::Money::fromCents(
                             Model::Rules::stepAt(start.cents(), lotIncrement.cents(), table))});
    for (const Model::Rules::IncrementRow& row : table) {
        if (row.fromCents <= start.cents())
            continue;
        const qint64 step = Model::Rules::stepAt(row.fromCents, lotIncrement.cents(), table);
        if (steps.last().second.cents() == step)
            continue;
        if (steps.size() == MaxSteps)
            break;
        steps.append({Model::Money::fromCents(row.fromCents), Model::Money::fromCents(step)});
    }
    return steps;
}

} // namespace

Model::Result<QString> PrintSource::auctionName()
{
    auto settings = m_service.settings();
    if (!settings)
        return Model::fail(settings.error());
    return settings->name;
}

Model::Result<Model::Rules::IncrementTable> PrintSource::increments()
{
    auto settings = m_service.settings();
    if (!settings)
        return Model::fail(settings.error());
    return settings->increments;
}

Model::Result<QList<PrintLot>> PrintSource::lots(const QList<qint64>& ids)
{
    QList<Model::Item> items;
    if (ids.isEmpty()) {
        auto all = readAll<Model::Item>([this](Model::Page page) { return m_service.items(page); });
        if (!all)
            return Model::fail(all.error());
        items = std::move(*all);
    } else {
        for (const qint64 id : ids) {
            auto item = m_service.item(id);
            if (!item)
                return Model::fail(item.error());
            items.append(std::move(*item));
        }
    }
    auto settings = m_service.settings();
    if (!settings)
        return Model::fail(settings.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<PrintLot> lots;
    lots.reserve(items.size());
    for (const Model::Item& item : items) {
        const Model::LotView view = Model::lotView(item, *settings, now);
        PrintLot lot;
        lot.id = item.id;
        lot.name = item.name;
        lot.startingPrice = item.startingPrice;
        lot.minIncrement = item.minIncrement;
        lot.description = item.description;
        lot.donor = item.donor;
        lot.fairMarketValue = item.fairMarketValue;
        lot.buyNow = item.buyNow;
        // Never the reserve: it is secret, and a printout lies on a table all night.
        // The first line's minimum and the closing time are the lot view's, not worked out
        // again here.
        lot.firstMinimum = view.nextMinimum;
        lot.closesAt = view.closesAt;
        lot.steps = firstSteps(settings->increments, item.minIncrement, item.startingPrice);
        lot.openingStep = Model::Money::fromCents(Model::Rules::stepAt(
            item.startingPrice.cents(), item.minIncrement.cents(), settings->increments));
        lots.append(std::move(lot));
    }
    return lots;
}

Model::Result<QList<PrintBidder>> PrintSource::bidders(const QList<qint64>& ids)
{
    QList<Model::User> users;
    if (ids.isEmpty()) {
        auto all = readAll<Model::User>([this](Model::Page page) { return m_service.users(page); });
        if (!all)
            return Model::fail(all.error());
        users = std::move(*all);
    } else {
        for (const qint64 id : ids) {
            auto user = m_service.user(id);
            if (!user)
                return Model::fail(user.error());
            users.append(std::move(*user));
        }
    }
    QList<PrintBidder> bidders;
    bidders.reserve(users.size());
    for (const Model::User& user : users) {
        bidders.append(PrintBidder{user.id, user.number, user.name});
    }
    return bidders;
}

} // namespace BidTracker::Print

namespace BidTracker::Print {

namespace {

bool hasAnything(const Model::Invoice& invoice)
{
    return !invoice.lines.isEmpty() || !invoice.donations.isEmpty() ||
           !invoice.payments.isEmpty() || !invoice.pending.isEmpty();
}

} // namespace

Model::Result<QList<Model::Invoice>> PrintSource::invoices(const QList<qint64>& ids)
{
    QList<qint64> wanted = ids;
    if (ids.isEmpty()) {
        auto all = readAll<Model::User>([this](Model::Page page) { return m_service.users(page); });
        if (!all)
            return Model::fail(all.error());
        for (const Model::User& user : *all)
            wanted.append(user.id);
    }
    QList<Model::Invoice> invoices;
    for (const qint64 id : wanted) {
        auto invoice = m_service.invoice(id);
        if (!invoice)
            return Model::fail(invoice.error());
        // Asked for by id, an empty invoice still prints: the bidder owes nothing.
        if (!ids.isEmpty() || hasAnything(*invoice))
            invoices.append(std::move(*invoice));
    }
    return invoices;
}

Model::Result<ReportData> PrintSource::report()
{
    ReportData data;
    auto summary = m_service.summary();
    if (!summary)
        return Model::fail(summary.error());
    data.summary = *summary;
    auto invoices = this->invoices({});
    if (!invoices)
        return Model::fail(invoices.error());
    for (const Model::Invoice& invoice : *invoices) {
        if (invoice.sums.balance != 0)
            data.outstanding.append(invoice);
    }
    auto settings = m_service.settings();
    if (!settings)
        return Model::fail(settings.error());
    auto items = readAll<Model::Item>([this](Model::Page page) { return m_service.items(page); });
    if (!items)
        return Model::fail(items.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Model::Item& item : *items) {
        // Sold or not is the lot view's word, the same one the invoices go by.
        const Model::LotView view = Model::lotView(item, *settings, now);
        if (!view.closed())
            continue;
        if (view.sold())
            data.sold.append(item);
        else
            data.unsold.append(item);
    }
    return data;
}

} // namespace BidTracker::Print
