#pragma once

#include "support/testauction.h"
#include "support/testpostgres.h"

#include <QProcess>
#include <QTemporaryDir>

namespace BidTracker::Testing {

/// A PostgreSQL cluster of one test's own (tests/pg/pgcluster.sh), for the tests that stop
/// the database server under a running station, with one bidder and one lot in it.
class OwnCluster
{
public:
    OwnCluster()
    {
        if (!script("start"))
            return;
        const QByteArray shared = qgetenv("BIDTRACKER_TEST_PG_ENV");
        qputenv("BIDTRACKER_TEST_PG_ENV", envFile().toUtf8()); // this cluster's, for its URL
        m_url = TestPostgres::adminUrl();
        qputenv("BIDTRACKER_TEST_PG_ENV", shared);
        auto db = openDatabase(m_url);
        if (!db)
            return;
        Model::AuctionService service(*db);
        m_ready = service.createUser(QStringLiteral("Bidder")).has_value() &&
                  service.createItem({.name = QStringLiteral("Lot")}).has_value();
    }
    ~OwnCluster() { script("stop"); }
    Q_DISABLE_COPY_MOVE(OwnCluster)

    bool ready() const { return m_ready; }
    const QString& url() const { return m_url; }
    QString dir() const { return m_dir.path(); }
    /// Stops the server at once, as a crash of the database machine would, and starts it
    /// again on the same port.
    bool pause() { return script("pause"); }
    bool resume() { return script("resume"); }

private:
    QString envFile() const { return m_dir.filePath(QStringLiteral("cluster.env")); }
    bool script(const char* action)
    {
        return QProcess::execute(QStringLiteral(PGCLUSTER_SCRIPT),
                                 {QString::fromLatin1(action), envFile()}) == 0;
    }

    QTemporaryDir m_dir;
    QString m_url;
    bool m_ready = false;
};

} // namespace BidTracker::Testing
