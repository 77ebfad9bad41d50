#pragma once

#include <QPageSize>
#include <QStringView>
#include <optional>

class QLocale;

namespace BidTracker::Print {

/// The two paper sizes an auction prints on.
enum class Paper { Letter, A4 };

/// Letter where the locale's country uses it (the United States, Canada, Mexico, the
/// Philippines and a few more of the Americas), A4 everywhere else.
Paper paperForLocale(const QLocale& locale);
QPageSize pageSize(Paper paper);
/// "letter" or "a4".
QString paperName(Paper paper);
/// "letter"/"a4" in any case; nothing for anything else.
std::optional<Paper> parsePaper(QStringView text);

} // namespace BidTracker::Print
