#include "amountfield.h"

#include <QCoreApplication>
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

std::expected<TypedBid, TypedBidProblem> parseTypedBid(const QString& amount,
                                                       const QString& maximum)
{
    TypedBid bid;
    const bool noMaximum = maximum.trimmed().isEmpty();
    if (!amount.trimmed().isEmpty() || noMaximum) {
        const auto typed = Model::Money::parseTyped(amount, QLocale());
        if (!typed)
            return std::unexpected(TypedBidProblem{typed.error(), false});
        bid.amount = *typed;
    }
    if (!noMaximum) {
        const auto typed = Model::Money::parseTyped(maximum, QLocale());
        if (!typed)
            return std::unexpected(TypedBidProblem{
                QCoreApplication::translate("BidEntry", "Maximum: %1").arg(typed.error()), true});
        bid.maximum = *typed;
    }
    return bid;
}

} // namespace BidTracker::Gui
