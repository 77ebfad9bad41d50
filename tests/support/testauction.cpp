#include "testauction.h"

#include "testpostgres.h"

namespace BidTracker::Testing {

using namespace Model;

TestAuction::TestAuction()
    : m_location(TestPostgres::selected() ? TestPostgres::createDatabase()
                                          : m_dir.filePath(QStringLiteral("auction.sqlite")))
{
    reopen();
}

TestAuction::~TestAuction()
{
    m_service.reset();
    m_db.reset();
    if (TestPostgres::selected())
        TestPostgres::dropDatabase(m_location);
}

void TestAuction::reopen()
{
    m_service.reset();
    m_db.reset();
    m_db = openDatabase(path());
    m_service = std::make_unique<AuctionService>(*m_db, &m_notifier);
}

std::unique_ptr<Database> openDatabase(const QString& path)
{
    auto opened = Database::open(path);
    if (!opened) {
        ADD_FAILURE() << "cannot open " << path.toStdString() << ": "
                      << opened.error().message.toStdString();
        return nullptr;
    }
    return std::move(*opened);
}

qint64 TestAuction::addUser(const QString& name)
{
    auto user = m_service->createUser(name);
    EXPECT_TRUE(user.has_value()) << (user ? "" : user.error().message.toStdString());
    return user ? user->id : 0;
}

qint64 TestAuction::addItem(const QString& name, qint64 startCents, qint64 incrementCents)
{
    ItemChanges changes;
    changes.name = name;
    changes.startingPrice = Money::fromCents(startCents);
    changes.minIncrement = Money::fromCents(incrementCents);
    auto item = m_service->createItem(changes);
    EXPECT_TRUE(item.has_value()) << (item ? "" : item.error().message.toStdString());
    return item ? item->id : 0;
}

qint64 TestAuction::bid(qint64 itemId, qint64 userId, qint64 cents)
{
    auto placed = m_service->placeBid(itemId, userId, Money::fromCents(cents));
    EXPECT_TRUE(placed.has_value()) << (placed ? "" : placed.error().message.toStdString());
    return placed ? placed->id : 0;
}

} // namespace BidTracker::Testing
