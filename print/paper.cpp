#include "paper.h"

#include <QLocale>

namespace BidTracker::Print {

Paper paperForLocale(const QLocale& locale)
{
    // The countries that print on Letter; Qt knows measurement systems but not paper.
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Philippines:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::Venezuela:
    case QLocale::Guatemala:
    case QLocale::CostaRica:
    case QLocale::DominicanRepublic:
    case QLocale::PuertoRico:
        return Paper::Letter;
    default:
        return Paper::A4;
    }
}

QPageSize pageSize(Paper paper)
{
    return QPageSize(paper == Paper::Letter ? QPageSize::Letter : QPageSize::A4);
}

QString paperName(Paper paper)
{
    return paper == Paper::Letter ? QStringLiteral("letter") : QStringLiteral("a4");
}

std::optional<Paper> parsePaper(QStringView text)
{
    if (text.compare(u"letter", Qt::CaseInsensitive) == 0)
        return Paper::Letter;
    if (text.compare(u"a4", Qt::CaseInsensitive) == 0)
        return Paper::A4;
    return std::nullopt;
}

} // namespace BidTracker::Print
