// The import planner on any file of items or users (the first byte picks which): it either
// plans every row with the same rules as the window and the API, or names the problems.
#include "fuzzcheck.h"

#include "model/csv/csvimport.h"
#include "model/names.h"

#include <QSet>
#include <cstddef>
#include <cstdint>

using namespace BidTracker::Model;

namespace {

/// A name the plan keeps is one the rule accepts as it is (already cleaned).
void checkAcceptedName(const QString& name)
{
    const auto again = BidTracker::Model::checkName(name);
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(*again == name);
}

/// The header check (issue 21, 15): a column named twice (spaces and case aside) is refused
/// on line 1 with a message that names it; the last one never silently wins.
void checkHeader(const ImportPlan& plan)
{
    QSet<QString> seen;
    for (const QString& column : plan.header) {
        const QString name = column.trimmed().toLower();
        if (seen.contains(name)) {
            FUZZ_CHECK(!plan.ok());
            FUZZ_CHECK(plan.records.isEmpty() && plan.items.isEmpty() && plan.users.isEmpty());
            FUZZ_CHECK(plan.problems.size() == 1 && plan.problems[0].line == 1);
            FUZZ_CHECK(plan.problems[0].message.contains(column.trimmed().left(40)));
            return;
        }
        seen.insert(name);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const CsvKind kind = data[0] % 2 == 0 ? CsvKind::Items : CsvKind::Users;
    const QByteArray bytes(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    const ImportPlan plan = planImport(kind, bytes);
    FUZZ_CHECK(plan.kind == kind);
    checkHeader(plan);
    if (plan.ok()) {
        FUZZ_CHECK(plan.rowCount() == plan.lines.size());
        FUZZ_CHECK(plan.records.size() <= qsizetype(ImportPlan::PreviewRows));
        // The header check: a plan without problems names each column once.
        QSet<QString> columns;
        for (const QString& column : plan.header)
            columns.insert(column.trimmed().toLower());
        FUZZ_CHECK(columns.size() == plan.header.size());
        for (const ItemChanges& item : plan.items) {
            FUZZ_CHECK(item.name.has_value());
            checkAcceptedName(*item.name);
            if (item.startingPrice)
                FUZZ_CHECK(item.startingPrice->cents() > 0);
            if (item.minIncrement)
                FUZZ_CHECK(item.minIncrement->cents() > 0);
        }
        for (const QString& name : plan.userNames)
            checkAcceptedName(name);
    } else {
        for (const ImportProblem& problem : plan.problems) {
            FUZZ_CHECK(!problem.message.isEmpty());
            FUZZ_CHECK(problem.line >= 0);
        }
        FUZZ_CHECK(!plan.problemText().isEmpty());
    }
    return 0;
}
