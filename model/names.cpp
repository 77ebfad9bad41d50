#include "names.h"

#include <QList>
#include <algorithm>
#include <optional>

namespace BidTracker::Model {

namespace {

bool isDirectionControl(char32_t c)
{
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/// Characters that show nothing: white space, format characters (zero-width space and
/// joiners, BOM, direction marks) and the fillers that render blank.
bool isInvisible(char32_t c)
{
    if (QChar::isSpace(c))
        return true;
    switch (QChar::category(c)) {
    case QChar::Other_Format:
    case QChar::Other_Control:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        break;
    }
    switch (c) {
    case 0x034F: // combining grapheme joiner
    case 0x115F: // Hangul fillers
    case 0x1160:
    case 0x3164:
    case 0xFFA0:
    case 0x180E: // Mongolian vowel separator
    case 0x2800: // braille pattern blank
        return true;
    default:
        return false;
    }
}

/// The code points of `text`, or nothing when it holds a lone surrogate.
std::optional<QList<char32_t>> codePoints(const QString& text)
{
    QList<char32_t> points;
    points.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            points.append(QChar::surrogateToUcs4(c, text[i + 1]));
            ++i;
        } else if (c.isSurrogate()) {
            return std::nullopt;
        } else {
            points.append(c.unicode());
        }
    }
    return points;
}

} // namespace

qsizetype characterCount(const QString& text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

Result<QString> checkName(const QString& name, const QString& field)
{
    const auto points = codePoints(name);
    if (!points)
        return fail(Error::invalid(
            QStringLiteral("Name must be valid Unicode text: it holds a lone surrogate"), field));
    qsizetype first = 0;
    qsizetype last = points->size();
    while (first < last && isInvisible(points->at(first)))
        ++first;
    while (last > first && isInvisible(points->at(last - 1)))
        --last;
    for (qsizetype i = first; i < last; ++i) {
        const char32_t c = points->at(i);
        if (QChar::category(c) == QChar::Other_Control || c == 0x2028 || c == 0x2029)
            return fail(Error::invalid(
                QStringLiteral("Name must not contain control characters such as line breaks"),
                field));
        if (isDirectionControl(c))
            return fail(Error::invalid(
                QStringLiteral("Name must not contain text-direction controls (U+%1)")
                    .arg(QString::number(quint32(c), 16).toUpper()),
                field));
    }
    if (first == last)
        return fail(Error::invalid(QStringLiteral("Name must not be empty"), field));
    const qsizetype length = last - first;
    if (length > MaxNameLength)
        return fail(Error::invalid(QStringLiteral("Name must be at most %1 characters (it has %2)")
                                       .arg(MaxNameLength)
                                       .arg(length),
                                   field));
    return QString::fromUcs4(points->constData() + first, length);
}

} // namespace BidTracker::Model
