#include "amountfield.h"

#include <QLocale>

namespace BidTracker::Gui {

std::expected<Model::Money, QString> parseAmountOrZero(const QString& text)
{
    // parseTyped refuses zero, which is right for a bid or a payment; a table row that
    // starts at nothing is the one place a person types 0.
    const QLocale locale;
    QString bare = text.trimmed();
    bare.remove(locale.groupSeparator());
    bare.remove(locale.decimalPoint());
    if (!bare.isEmpty() && bare.count(u'0') == bare.size())
        return Model::Money::fromCents(0);
    return Model::Money::parseTyped(text, locale);
}

} // namespace BidTracker::Gui
