#pragma once

#include <QString>

namespace BidTracker::Gui {

/// Text from the auction's data (a lot's or bidder's name, the auction's name) made safe for
/// a label with a buddy, a button, a menu entry or a tab: "Malbec & Grüner" would otherwise
/// show as "Malbec _Grüner", its "&" taken as a keyboard mnemonic.
inline QString escapeMnemonics(QString text)
{
    return text.replace(u'&', QStringLiteral("&&"));
}

} // namespace BidTracker::Gui
