#include "contact.h"

#include "auctionsettings.h"
#include "names.h"

namespace BidTracker::Model {

Result<QString> checkLine(const QString& text, const QString& field, qsizetype maxLength)
{
    const QString trimmed = text.trimmed();
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed[i];
        if (c.category() == QChar::Other_Control || c == QChar(0x2028) || c == QChar(0x2029))
            return fail(Error::invalid(
                QStringLiteral("%1 must not contain control characters such as line breaks")
                    .arg(field),
                field));
        const bool paired =
            c.isHighSurrogate() && i + 1 < trimmed.size() && trimmed[i + 1].isLowSurrogate();
        if (paired)
            ++i;
        else if (c.isSurrogate())
            return fail(Error::invalid(
                QStringLiteral("%1 must be valid Unicode text: it holds a lone surrogate")
                    .arg(field),
                field));
    }
    const qsizetype length = characterCount(trimmed);
    if (length > maxLength)
        return fail(Error::invalid(QStringLiteral("%1 must be at most %2 characters (it has %3)")
                                       .arg(field)
                                       .arg(maxLength)
                                       .arg(length),
                                   field));
    return trimmed;
}

Result<QString> checkPhone(const QString& phone, const QString& field)
{
    auto line = checkLine(phone, field, MaxPhoneLength);
    if (!line || line->isEmpty())
        return line;
    if (!std::any_of(line->cbegin(), line->cend(), [](QChar c) { return c.isDigit(); }))
        return fail(Error::invalid(
            QStringLiteral("%1 must be a phone number: \"%2\" has no digit").arg(field, *line),
            field));
    return line;
}

Result<QString> checkEmail(const QString& email, const QString& field)
{
    auto line = checkLine(email, field, MaxEmailLength);
    if (!line || line->isEmpty())
        return line;
    const qsizetype at = line->indexOf(u'@');
    const QString domain = at < 0 ? QString() : line->mid(at + 1);
    const bool shaped =
        at > 0 && !domain.contains(u'@') && domain.contains(u'.') && !domain.startsWith(u'.') &&
        !domain.endsWith(u'.') &&
        !std::any_of(line->cbegin(), line->cend(), [](QChar c) { return c.isSpace(); });
    if (!shaped)
        return fail(Error::invalid(
            QStringLiteral("%1 must be an e-mail address such as name@example.org").arg(field),
            field));
    return line;
}

Result<qint64> checkBidderNumber(qint64 number, const QString& field)
{
    if (number <= 0 || number > MaxBidderNumber)
        return fail(Error::invalid(QStringLiteral("%1 must be a whole number from 1 to %2")
                                       .arg(field)
                                       .arg(MaxBidderNumber),
                                   field));
    return number;
}

} // namespace BidTracker::Model
