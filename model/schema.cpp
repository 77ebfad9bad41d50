#include "schema.h"

namespace BidTracker::Model {

namespace {

// Version 1. Money is integer cents. The item row carries its winning bid and bid count (and
// the user row its bid count),
// kept in the same transaction as the bids, so item lists need no scan of bids. The
// (item_id, value_cents DESC, id) index finds the next winner when a winning bid is deleted;
// (user_id, id) serves "bids of a user" and "items a user bid on".
QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE users ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " name TEXT NOT NULL CHECK (length(name) > 0),"
                       " created_at TEXT NOT NULL,"
                       " bid_count INTEGER NOT NULL DEFAULT 0 CHECK (bid_count >= 0))"),
        QStringLiteral(
            "CREATE TABLE items ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " name TEXT NOT NULL CHECK (length(name) > 0),"
            " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),"
            " starting_price_cents INTEGER NOT NULL DEFAULT 1"
            "   CHECK (starting_price_cents > 0 AND starting_price_cents <= 100000000000),"
            " min_increment_cents INTEGER NOT NULL DEFAULT 1"
            "   CHECK (min_increment_cents > 0 AND min_increment_cents <= 100000000000),"
            " created_at TEXT NOT NULL,"
            " winning_bid_id INTEGER REFERENCES bids (id),"
            " bid_count INTEGER NOT NULL DEFAULT 0 CHECK (bid_count >= 0))"),
        QStringLiteral("CREATE TABLE bids ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                       " item_id INTEGER NOT NULL REFERENCES items (id),"
                       " user_id INTEGER NOT NULL REFERENCES users (id),"
                       " value_cents INTEGER NOT NULL"
                       "   CHECK (value_cents > 0 AND value_cents <= 100000000000),"
                       " placed_at TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX bids_by_item ON bids (item_id, value_cents DESC, id)"),
        QStringLiteral("CREATE INDEX bids_by_user ON bids (user_id, id)"),
        QStringLiteral("CREATE INDEX items_by_winning_bid ON items (winning_bid_id)"),
    };
}

// Version 2: the Bids table of a big auction sorts by amount through this index, reading
// only the rows on screen.
QStringList version2()
{
    return {QStringLiteral("CREATE INDEX bids_by_value ON bids (value_cents, id)")};
}

} // namespace

QStringList migrationStep(int version)
{
    switch (version) {
    case 1:
        return version1();
    case 2:
        return version2();
    default:
        return {};
    }
}

} // namespace BidTracker::Model
