#include "testpostgres.h"

#include "model/storage/databaselocation.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <gtest/gtest.h>

namespace BidTracker::Testing {

namespace {

QHash<QString, QString> clusterSettings()
{
    QHash<QString, QString> settings;
    QFile file(qEnvironmentVariable("BIDTRACKER_TEST_PG_ENV"));
    if (!file.open(QIODevice::ReadOnly))
        return settings;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const qsizetype equals = line.indexOf('=');
        if (equals > 0)
            settings.insert(QString::fromUtf8(line.left(equals)),
                            QString::fromUtf8(line.mid(equals + 1)).trimmed());
    }
    return settings;
}

/// Runs one statement on the cluster's own database (CREATE/DROP DATABASE cannot run in a
/// transaction, so this is a connection of its own, in autocommit).
bool adminExec(const QString& sql)
{
    const auto location = Model::parseDatabaseLocation(TestPostgres::adminUrl());
    if (!location)
        return false;
    static QAtomicInt counter;
    const QString name = QStringLiteral("test-admin-%1").arg(counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        admin.setHostName(location->host);
        admin.setPort(location->port);
        admin.setUserName(location->user);
        admin.setPassword(location->password);
        admin.setDatabaseName(location->database);
        if (admin.open()) {
            QSqlQuery query(admin);
            ok = query.exec(sql);
            if (!ok)
                ADD_FAILURE() << sql.toStdString() << ": "
                              << query.lastError().text().toStdString();
        } else {
            ADD_FAILURE() << "cannot reach the test cluster: "
                          << admin.lastError().text().toStdString();
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

bool TestPostgres::selected()
{
    return qEnvironmentVariable("BIDTRACKER_TEST_ENGINE") == u"postgresql";
}

QString TestPostgres::adminUrl()
{
    const QString url = clusterSettings().value(QStringLiteral("BIDTRACKER_TEST_PG_URL"));
    if (url.isEmpty())
        ADD_FAILURE() << "no PostgreSQL test cluster: BIDTRACKER_TEST_PG_ENV names no file "
                         "written by tests/pg/pgcluster.sh start";
    return url;
}

QString TestPostgres::createDatabase()
{
    static QAtomicInt counter;
    const QString name = QStringLiteral("test_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(counter.fetchAndAddRelaxed(1));
    if (!adminExec(QStringLiteral("CREATE DATABASE %1").arg(name)))
        return {};
    QString url = adminUrl();
    url.truncate(url.lastIndexOf(u'/') + 1);
    return url + name;
}

void TestPostgres::dropDatabase(const QString& url)
{
    const QString name = url.mid(url.lastIndexOf(u'/') + 1);
    if (name.startsWith(QStringLiteral("test_")))
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name));
}

} // namespace BidTracker::Testing
