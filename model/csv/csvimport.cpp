#include "csvimport.h"

#include "model/contact.h"
#include "model/names.h"

#include "csvreader.h"
#include "csvwriter.h"
#include "model/auctionservice.h"

#include <QBuffer>
#include <QDateTime>
#include <memory>
#include <type_traits>

namespace BidTracker::Model {

namespace {

/// The index of each wanted column in the header, or -1.
QHash<QString, qsizetype> columnIndex(const QStringList& header)
{
    QHash<QString, qsizetype> index;
    for (qsizetype i = 0; i < header.size(); ++i)
        index.insert(header[i].trimmed().toLower(), i);
    return index;
}

QString field(const CsvRecord& record, const QHash<QString, qsizetype>& columns,
              const QString& name)
{
    const qsizetype at = columns.value(name, -1);
    return at >= 0 && at < record.fields.size() ? CsvWriter::unguardFormula(record.fields[at])
                                                : QString();
}

/// A lot's closing time as the export writes it (ISO 8601 UTC, "2026-12-05T21:00:00.000Z"),
/// as a person types it in a spreadsheet in local time ("2026-12-05 21:00"), or empty (closes
/// by hand); as the stored UTC time stamp.
std::expected<QString, QString> readClosingTime(const QString& text)
{
    if (text.isEmpty())
        return QString();
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    for (const QString& format :
         {QStringLiteral("yyyy-MM-dd HH:mm"), QStringLiteral("yyyy-MM-dd HH:mm:ss")})
        if (!time.isValid())
            time = QDateTime::fromString(text, format); // local time
    if (!time.isValid())
        return std::unexpected(
            QStringLiteral("closes_at must be a time such as 2026-12-05 21:00 (local) or "
                           "2026-12-05T21:00:00.000Z, not \"%1\"")
                .arg(text.left(40)));
    return time.toUTC().toString(Qt::ISODateWithMs);
}

void planItem(ImportPlan& plan, const CsvRecord& record, const QHash<QString, qsizetype>& columns,
              const QLocale& locale)
{
    ItemChanges item;
    QStringList problems;
    if (auto name = checkName(field(record, columns, QStringLiteral("name"))))
        item.name = *name;
    else
        problems.append(name.error().message);
    const QString status = field(record, columns, QStringLiteral("status")).trimmed();
    if (!status.isEmpty()) {
        if (auto parsed = parseStatus(status))
            item.status = *parsed;
        else
            problems.append(
                QStringLiteral("Status must be open or closed, not \"%1\"").arg(status.left(40)));
    }
    const auto money = [&](const QString& column, const QString& label,
                           std::optional<Money>& target) {
        const QString text = field(record, columns, column).trimmed();
        if (text.isEmpty())
            return;
        auto amount = Money::parseTyped(text, locale);
        if (!amount && locale != QLocale::c()) {
            // Our own exports write the plain form whatever the locale.
            if (auto plain = Money::parseTyped(text, QLocale::c()))
                amount = plain;
        }
        if (amount)
            target = *amount;
        else
            problems.append(QString(amount.error()).replace(0, 5, label));
    };
    money(QStringLiteral("starting_price"), QStringLiteral("Starting price"), item.startingPrice);
    money(QStringLiteral("min_increment"), QStringLiteral("Minimum increment"), item.minIncrement);
    // The optional amounts: an empty cell is no amount (no reserve, no buy-now price).
    const auto optionalMoney = [&](const QString& column, const QString& label,
                                   std::optional<std::optional<Money>>& target) {
        std::optional<Money> amount;
        money(column, label, amount);
        target = amount;
    };
    optionalMoney(QStringLiteral("fair_market_value"), QStringLiteral("Fair market value"),
                  item.fairMarketValue);
    optionalMoney(QStringLiteral("reserve"), QStringLiteral("Reserve"), item.reserve);
    optionalMoney(QStringLiteral("buy_now"), QStringLiteral("Buy-now price"), item.buyNow);
    item.description = field(record, columns, QStringLiteral("description"));
    item.donor = field(record, columns, QStringLiteral("donor"));
    const QString closes = field(record, columns, QStringLiteral("closes_at")).trimmed();
    if (auto time = readClosingTime(closes))
        item.closesAt = *time;
    else
        problems.append(time.error());
    // Every field as a new lot's fields are checked (lengths, positive amounts, a time not
    // yet gone), by the same rules as the dialog and the API.
    if (problems.isEmpty())
        if (auto checked = AuctionService::checkNewItem(item); !checked)
            problems.append(checked.error().message);
    for (const QString& problem : problems)
        plan.problems.append({record.line, problem});
    if (problems.isEmpty())
        plan.items.append(item);
}

/// "true"/"false" as the export writes them, and the forms people type.
std::optional<bool> parseFlag(const QString& text)
{
    const QString flag = text.trimmed().toLower();
    if (flag.isEmpty() || flag == u"false" || flag == u"no" || flag == u"0")
        return false;
    if (flag == u"true" || flag == u"yes" || flag == u"1")
        return true;
    return std::nullopt;
}

void planUser(ImportPlan& plan, const CsvRecord& record, const QHash<QString, qsizetype>& columns)
{
    UserChanges user;
    QStringList problems;
    if (auto name = checkName(field(record, columns, QStringLiteral("name"))))
        user.name = *name;
    else
        problems.append(name.error().message);
    const QString number = field(record, columns, QStringLiteral("number")).trimmed();
    if (!number.isEmpty()) {
        bool ok = false;
        const qint64 value = number.toLongLong(&ok);
        if (auto checked = ok ? checkBidderNumber(value) : checkBidderNumber(0))
            user.number = *checked;
        else
            problems.append(
                QStringLiteral("%1, not \"%2\"").arg(checked.error().message, number.left(40)));
    }
    if (auto phone = checkPhone(field(record, columns, QStringLiteral("phone"))))
        user.phone = *phone;
    else
        problems.append(phone.error().message);
    if (auto email = checkEmail(field(record, columns, QStringLiteral("email"))))
        user.email = *email;
    else
        problems.append(email.error().message);
    const QString exempt = field(record, columns, QStringLiteral("tax_exempt"));
    if (const auto flag = parseFlag(exempt))
        user.taxExempt = *flag;
    else
        problems.append(QStringLiteral("tax_exempt must be true or false, not \"%1\"")
                            .arg(exempt.trimmed().left(40)));
    for (const QString& problem : problems)
        plan.problems.append({record.line, problem});
    if (problems.isEmpty()) {
        plan.userNames.append(*user.name);
        plan.users.append(user);
    }
}

/// A column named twice in the header: which one would count is a guess, so it is refused.
std::optional<ImportProblem> duplicateColumn(const QStringList& header)
{
    QHash<QString, qsizetype> first;
    for (qsizetype i = 0; i < header.size(); ++i) {
        const QString name = header[i].trimmed().toLower();
        if (const auto found = first.constFind(name); found != first.cend())
            return ImportProblem{1, QStringLiteral("The header has the column \"%1\" twice "
                                                   "(columns %2 and %3): which one counts?")
                                        // One arg() for all three: a name holding "%2"
                                        // stays as it is (chained arg() would fill it in).
                                        .arg(header[i].trimmed().left(40),
                                             QString::number(*found + 1), QString::number(i + 1))};
        first.insert(name, i);
    }
    return std::nullopt;
}

/// What the planner remembers across rows: the first line of each paddle number and name,
/// by number and by the name's hash (a long file must not keep a second copy of every name;
/// two names of one hash would at worst give a needless warning).
struct RowMemory
{
    QHash<qint64, int> numberLine;
    QHash<size_t, int> nameLine; // by qHash of the case-folded name
    int goodKept = 0;
    int badKept = 0;
};

/// A paddle number asked for twice in the file is a problem of the file, by line; the same
/// name twice is allowed (two lots can be alike) but is often a file pasted twice.
void checkRepeats(ImportPlan& plan, const CsvRecord& record,
                  const QHash<QString, qsizetype>& columns, RowMemory& memory)
{
    if (plan.kind == CsvKind::Users && columns.contains(QStringLiteral("number"))) {
        const QString text = field(record, columns, QStringLiteral("number")).trimmed();
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        if (ok && number > 0) { // any other text is a problem of its own row
            if (const int first = memory.numberLine.value(number); first > 0)
                plan.problems.append({record.line, QStringLiteral("Bidder number %1 is also on "
                                                                  "line %2")
                                                       .arg(text.left(40))
                                                       .arg(first)});
            else
                memory.numberLine.insert(number, record.line);
        }
    }
    const QString name = field(record, columns, QStringLiteral("name")).trimmed();
    if (name.isEmpty())
        return;
    const size_t key = qHash(name.toCaseFolded(), 0);
    if (const int first = memory.nameLine.value(key); first > 0)
        plan.warnings.append(QStringLiteral("line %1: \"%2\" is also on line %3")
                                 .arg(record.line)
                                 .arg(name.left(60))
                                 .arg(first));
    else
        memory.nameLine.insert(key, record.line);
}

void planRecord(ImportPlan& plan, CsvRecord&& record, const QHash<QString, qsizetype>& columns,
                const QLocale& locale, RowMemory& memory, PlanRows keep)
{
    const qsizetype problemsBefore = plan.problems.size();
    if (record.fields.size() != plan.header.size()) {
        plan.problems.append(
            {record.line, QStringLiteral("the row has %1 fields, the header has %2")
                              .arg(record.fields.size())
                              .arg(plan.header.size())});
    } else {
        const qsizetype planned = plan.rowCount();
        if (plan.kind == CsvKind::Items)
            planItem(plan, record, columns, locale);
        else
            planUser(plan, record, columns);
        if (plan.rowCount() > planned)
            plan.lines.append(record.line);
        checkRepeats(plan, record, columns, memory);
    }
    if (keep == PlanRows::CheckOnly) {
        // Checked and let go: importFile reads the file again to write it.
        plan.items.clear();
        plan.users.clear();
        plan.userNames.clear();
        plan.lines.clear();
    }
    const bool bad = plan.problems.size() > problemsBefore;
    int& kept = bad ? memory.badKept : memory.goodKept;
    if (kept < ImportPlan::PreviewRows) {
        ++kept;
        plan.records.append(std::move(record));
    }
}

} // namespace

QString ImportPlan::problemText() const
{
    QStringList lines;
    for (const ImportProblem& problem : problems)
        lines.append(problem.line > 0
                         ? QStringLiteral("line %1: %2").arg(problem.line).arg(problem.message)
                         : problem.message);
    return lines.join(u'\n');
}

ImportPlan planImport(CsvKind kind, QIODevice& in, const QLocale& locale,
                      const ImportProgress& progress, PlanRows keep)
{
    ImportPlan plan;
    plan.kind = kind;
    if (kind != CsvKind::Items && kind != CsvKind::Users) {
        plan.problems.append({0, QStringLiteral("Only items and users can be imported")});
        return plan;
    }
    CsvStream stream(in);
    auto header = stream.next();
    if (!header) {
        plan.problems.append(
            {0,
             !stream.error().isEmpty()
                 ? stream.error()
                 : QStringLiteral("The file is empty: it needs a header row with a name column")});
        return plan;
    }
    plan.header = std::move(header->fields);
    if (auto twice = duplicateColumn(plan.header)) {
        plan.problems.append(*twice);
        return plan;
    }
    const auto columns = columnIndex(plan.header);
    if (!columns.contains(QStringLiteral("name"))) {
        plan.problems.append({1, QStringLiteral("The header has no name column (it has: %1)")
                                     .arg(plan.header.join(QStringLiteral(", ")).left(200))});
        return plan;
    }
    const QStringList read = importedColumns(kind);
    for (const QString& column : std::as_const(plan.header)) {
        if (!read.contains(column.trimmed().toLower()))
            plan.ignoredColumns.append(column.trimmed());
    }
    RowMemory memory;
    qint64 rows = 0;
    while (auto record = stream.next()) {
        planRecord(plan, std::move(*record), columns, locale, memory, keep);
        if (progress && ++rows % 1024 == 0)
            progress(stream.bytesRead());
    }
    // A file that breaks off is refused whole: the rows before it are not the file.
    if (!stream.error().isEmpty())
        plan.problems.append({0, stream.error()});
    if (progress)
        progress(stream.bytesRead());
    return plan;
}

namespace {

/// A paddle number the file asks for that another bidder holds already: the refusal names the
/// file's line, as a number given twice in the file does. The other refusals stay as they are.
Error withTakenNumberLine(AuctionService& service, const ImportPlan& plan, Error error)
{
    // A plan without problems has the line of each user, in order.
    if (plan.lines.size() != plan.users.size())
        return error;
    for (qsizetype i = 0; i < plan.users.size(); ++i) {
        if (!plan.users[i].number)
            continue;
        const auto holder = service.userByNumber(*plan.users[i].number);
        if (holder && *holder) {
            const int line = plan.lines[i];
            error.message = QStringLiteral("line %1: %2").arg(line).arg(error.message);
            return std::move(error).with(QStringLiteral("line"), line);
        }
    }
    return error;
}

} // namespace

ImportPlan planImport(CsvKind kind, const QByteArray& data, const QLocale& locale)
{
    QByteArray bytes = data;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    return planImport(kind, buffer, locale);
}

Result<qint64> applyImport(AuctionService& service, const ImportPlan& plan, QList<qint64>* ids)
{
    if (!plan.ok())
        return fail(Error::invalid(plan.problemText()));
    if (plan.kind == CsvKind::Items)
        return service.importItems(plan.items, ids);
    auto added = service.importUsers(plan.users, ids);
    if (!added && added.error().code == Error::Code::Conflict)
        return fail(withTakenNumberLine(service, plan, added.error()));
    return added;
}

Result<void> noteExistingNames(AuctionService& service, ImportPlan& plan)
{
    QHash<QString, QString> existing; // case-folded name -> id
    if (plan.kind == CsvKind::Items) {
        auto items = service.items();
        if (!items)
            return fail(items.error());
        for (const Item& item : std::as_const(items->rows))
            existing.insert(item.name.toCaseFolded(), formatId(EntityKind::Item, item.id));
    } else {
        auto users = service.users();
        if (!users)
            return fail(users.error());
        for (const User& user : std::as_const(users->rows))
            existing.insert(user.name.toCaseFolded(), formatId(EntityKind::User, user.id));
    }
    for (qsizetype row = 0; row < plan.rowCount() && row < plan.lines.size(); ++row) {
        const QString name = plan.kind == CsvKind::Items ? plan.items[row].name.value_or(QString())
                                                         : plan.userNames[row];
        if (const auto found = existing.constFind(name.toCaseFolded()); found != existing.cend())
            plan.warnings.append(QStringLiteral("line %1: \"%2\" is already %3")
                                     .arg(plan.lines[row])
                                     .arg(name.left(60), *found));
    }
    return {};
}

namespace {

/// Reads a checked file again for AuctionService's streamed import, a chunk of rows at a
/// time, each row planned as planImport planned it. A row that no longer passes means the
/// file changed since it was checked: the import stops and rolls back.
class ChunkReader
{
public:
    static constexpr int ChunkRows = 1000;

    ChunkReader(CsvKind kind, QIODevice& in, const QLocale& locale)
        : m_kind(kind), m_in(in), m_locale(locale)
    {
    }

    Result<void> rewind()
    {
        m_stream.reset();
        if (!m_in.seek(0))
            return fail(Error::invalid(QStringLiteral("The file cannot be read again from its "
                                                      "start: %1")
                                           .arg(m_in.errorString())));
        m_stream = std::make_unique<CsvStream>(m_in);
        auto header = m_stream->next();
        if (!header)
            return fail(changed(1));
        m_header = std::move(header->fields);
        m_columns = columnIndex(m_header);
        return {};
    }

    /// The next rows (none at the end); `lines` (when given) receives the line of each.
    template <typename Row> Result<QList<Row>> next(QList<int>* lines = nullptr)
    {
        ImportPlan chunk;
        chunk.kind = m_kind;
        chunk.header = m_header;
        while (chunk.rowCount() < ChunkRows) {
            auto record = m_stream ? m_stream->next() : std::nullopt;
            if (!record)
                break;
            if (record->fields.size() != m_header.size())
                return fail(changed(record->line));
            if (m_kind == CsvKind::Items)
                planItem(chunk, *record, m_columns, m_locale);
            else
                planUser(chunk, *record, m_columns);
            if (!chunk.problems.isEmpty())
                return fail(changed(record->line));
            if (lines)
                lines->append(record->line);
        }
        if (m_stream && !m_stream->error().isEmpty())
            return fail(Error::invalid(m_stream->error()));
        if constexpr (std::is_same_v<Row, ItemChanges>)
            return chunk.items;
        else
            return chunk.users;
    }

    template <typename Row> ImportRows<Row> rows()
    {
        return {[this] { return rewind(); }, [this] { return next<Row>(); }};
    }

private:
    static Error changed(int line)
    {
        return Error::invalid(
            QStringLiteral("line %1: the file changed while it was imported").arg(line));
    }

    CsvKind m_kind;
    QIODevice& m_in;
    QLocale m_locale;
    std::unique_ptr<CsvStream> m_stream;
    QStringList m_header;
    QHash<QString, qsizetype> m_columns;
};

/// The line of the first row asking for a paddle number another bidder holds, read again
/// from the file, or 0.
int lineOfTakenNumber(AuctionService& service, ChunkReader& reader)
{
    if (!reader.rewind())
        return 0;
    for (;;) {
        QList<int> lines;
        const auto chunk = reader.next<UserChanges>(&lines);
        if (!chunk || chunk->isEmpty())
            return 0;
        for (qsizetype i = 0; i < chunk->size(); ++i) {
            if (!chunk->at(i).number)
                continue;
            const auto holder = service.userByNumber(*chunk->at(i).number);
            if (holder && *holder)
                return lines.value(i);
        }
    }
}

} // namespace

Result<qint64> importCheckedFile(AuctionService& service, CsvKind kind, QIODevice& in,
                                 const QLocale& locale)
{
    ChunkReader reader(kind, in, locale);
    if (kind == CsvKind::Items)
        return service.importItems(reader.rows<ItemChanges>());
    auto added = service.importUsers(reader.rows<UserChanges>());
    if (!added && added.error().code == Error::Code::Conflict) {
        // As applyImport says it: the file's line that asks for the number.
        Error error = added.error();
        if (const int line = lineOfTakenNumber(service, reader); line > 0) {
            error.message = QStringLiteral("line %1: %2").arg(line).arg(error.message);
            return fail(std::move(error).with(QStringLiteral("line"), line));
        }
    }
    return added;
}

QStringList importedColumns(CsvKind kind)
{
    // Every field a lot has (consignors are not part of Bid Tracker yet: no consignor column).
    if (kind == CsvKind::Items)
        return {QStringLiteral("name"),
                QStringLiteral("status"),
                QStringLiteral("starting_price"),
                QStringLiteral("min_increment"),
                QStringLiteral("description"),
                QStringLiteral("donor"),
                QStringLiteral("fair_market_value"),
                QStringLiteral("reserve"),
                QStringLiteral("buy_now"),
                QStringLiteral("closes_at")};
    return {QStringLiteral("name"), QStringLiteral("number"), QStringLiteral("phone"),
            QStringLiteral("email"), QStringLiteral("tax_exempt")};
}

} // namespace BidTracker::Model
