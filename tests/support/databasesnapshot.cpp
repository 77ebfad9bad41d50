#include "databasesnapshot.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <gtest/gtest.h>

namespace BidTracker::Testing {

namespace {

/// A read-only connection to the file for the length of one look, under a name of its own
/// so that tests on several threads never share it.
class OwnConnection
{
public:
    explicit OwnConnection(const QString& path)
    {
        static QAtomicInteger<int> counter;
        m_name = QStringLiteral("snapshot-%1").arg(counter.fetchAndAddRelaxed(1));
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        EXPECT_TRUE(db.open()) << db.lastError().text().toStdString();
    }
    ~OwnConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    Q_DISABLE_COPY_MOVE(OwnConnection)

    QSqlQuery query(const QString& sql) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        EXPECT_TRUE(query.exec(sql))
            << sql.toStdString() << ": " << query.lastError().text().toStdString();
        return query;
    }

private:
    QString m_name;
};

} // namespace

QString databaseSnapshot(const QString& path)
{
    QString text;
    {
        const OwnConnection connection(path);
        // One read transaction, so that the tables are seen at one moment.
        connection.query(QStringLiteral("BEGIN"));
        QSqlQuery count = connection.query(QStringLiteral("SELECT count(*) FROM bids"));
        text += QStringLiteral("rows in bids: %1\n")
                    .arg(count.next() ? count.value(0).toLongLong() : -1);
        QStringList tables;
        QSqlQuery names = connection.query(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        while (names.next())
            tables.append(names.value(0).toString());
        for (const QString& table : tables) {
            text += QStringLiteral("== %1\n").arg(table);
            QSqlQuery rows =
                connection.query(QStringLiteral("SELECT * FROM \"%1\" ORDER BY rowid").arg(table));
            while (rows.next()) {
                QStringList fields;
                for (int i = 0; i < rows.record().count(); ++i)
                    fields.append(rows.value(i).isNull() ? QStringLiteral("NULL")
                                                         : rows.value(i).toString());
                text += fields.join(u'|') + u'\n';
            }
        }
        connection.query(QStringLiteral("COMMIT"));
    }
    return text;
}

qint64 countRows(const QString& path, const QString& table, const QString& where)
{
    const OwnConnection connection(path);
    QSqlQuery count =
        connection.query(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table) +
                         (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where));
    return count.next() ? count.value(0).toLongLong() : -1;
}

} // namespace BidTracker::Testing
