#pragma once

#include "support/testauction.h"
#include "support/testpostgres.h"

#include <QTemporaryDir>

namespace BidTracker::Testing {

/// A fresh database on the cluster with `lots` lots (start 1.00, step 1.00) and `bidders`
/// bidders; dropped at the end.
class SharedAuction
{
public:
    SharedAuction(int lots, int bidders) : m_url(TestPostgres::createDatabase())
    {
        auto db = openDatabase(m_url);
        if (!db)
            return;
        Model::AuctionService service(*db);
        for (int i = 0; i < bidders; ++i)
            EXPECT_TRUE(service.createUser(QStringLiteral("Bidder %1").arg(i)).has_value());
        for (int i = 0; i < lots; ++i)
            EXPECT_TRUE(service
                            .createItem({.name = QStringLiteral("Lot %1").arg(i),
                                         .startingPrice = Model::Money::fromCents(100),
                                         .minIncrement = Model::Money::fromCents(100)})
                            .has_value());
    }
    ~SharedAuction() { TestPostgres::dropDatabase(m_url); }
    const QString& url() const { return m_url; }
    QString dir() const { return m_dir.path(); }

private:
    QString m_url;
    QTemporaryDir m_dir;
};

} // namespace BidTracker::Testing
