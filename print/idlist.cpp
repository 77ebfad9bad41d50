#include "idlist.h"

#include <QRegularExpression>
#include <QSet>

namespace BidTracker::Print {

namespace {

// A range this long is a typing mistake, not a print job (and would hold memory for nothing).
constexpr qint64 MaxRange = 100'000;

std::optional<qint64> number(QStringView text, Model::EntityKind kind)
{
    if (const auto id = Model::parseId(kind, text))
        return id;
    // The number alone, with the same rules as the id ("item" + text).
    return Model::parseId(kind, Model::idPrefix(kind).toString() + text.toString());
}

} // namespace

std::expected<QList<qint64>, QString> parseIdList(QStringView text, Model::EntityKind kind)
{
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    QList<qint64> ids;
    QSet<qint64> seen;
    const auto add = [&](qint64 id) {
        if (!seen.contains(id)) {
            seen.insert(id);
            ids.append(id);
        }
    };
    for (const QString& entry : text.toString().split(separators, Qt::SkipEmptyParts)) {
        const qsizetype dash = entry.indexOf(u'-');
        if (dash > 0) {
            const auto first = number(QStringView(entry).left(dash), kind);
            const auto last = number(QStringView(entry).mid(dash + 1), kind);
            if (!first || !last || *last < *first || *last - *first >= MaxRange)
                return std::unexpected(
                    QStringLiteral("\"%1\" is not a range of ids such as 3-7 (at most %2)")
                        .arg(entry)
                        .arg(MaxRange));
            for (qint64 id = *first; id <= *last; ++id)
                add(id);
            continue;
        }
        const auto id = number(entry, kind);
        if (!id)
            return std::unexpected(QStringLiteral("\"%1\" is not an id such as %2, or its number")
                                       .arg(entry, Model::formatId(kind, 12)));
        add(*id);
    }
    return ids;
}

} // namespace BidTracker::Print
