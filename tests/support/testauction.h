#pragma once

#include "model/auctionservice.h"
#include "model/changenotifier.h"
#include "model/storage/database.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>

namespace BidTracker::Testing {

/// A fresh auction database file in its own temporary folder, with a service and notifier
/// on it, for one test. Builders add sample data and fail the test if the service refuses.
class TestAuction
{
public:
    /// On SQLite a new file; on PostgreSQL (BIDTRACKER_TEST_ENGINE=postgresql) a new
    /// database on the test cluster, dropped again at the end.
    TestAuction();
    ~TestAuction();
    Q_DISABLE_COPY_MOVE(TestAuction)

    /// What Database::open takes: the file path, or the PostgreSQL URL.
    QString path() const { return m_location; }
    QString dir() const { return m_dir.path(); }
    Model::Database& db() { return *m_db; }
    Model::AuctionService& service() { return *m_service; }
    Model::ChangeNotifier& notifier() { return m_notifier; }

    /// Closes and reopens the file, as a restart of the app would.
    void reopen();

    qint64 addUser(const QString& name = QStringLiteral("Albert"));
    qint64 addItem(const QString& name = QStringLiteral("Lot"), qint64 startCents = 1,
                   qint64 incrementCents = 1);
    qint64 bid(qint64 itemId, qint64 userId, qint64 cents);

private:
    QTemporaryDir m_dir;
    QString m_location;
    Model::ChangeNotifier m_notifier;
    std::unique_ptr<Model::Database> m_db;
    std::unique_ptr<Model::AuctionService> m_service;
};

/// Opens a second connection (for another thread) on a test database.
std::unique_ptr<Model::Database> openDatabase(const QString& path);

} // namespace BidTracker::Testing
