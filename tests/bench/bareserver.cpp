// The yardstick for the API benchmark: a bare QHttpServer route that answers a constant
// JSON object of the same shape as GET /api/v1/items/item1?winningOnly=1, with nothing else
// (no database, no checks). usage: bench_bare_server PORT
#include <QCoreApplication>
#include <QHttpServer>
#include <QJsonObject>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const quint16 port = argc > 1 ? static_cast<quint16>(QByteArray(argv[1]).toUInt()) : 5099;
    const QJsonObject answer{{QStringLiteral("item"),
                              QJsonObject{{QStringLiteral("name"), QString::fromUtf8("Item Nº 1")},
                                          {QStringLiteral("winning"), QStringLiteral("bid2")},
                                          {QStringLiteral("status"), QStringLiteral("open")},
                                          {QStringLiteral("starting_price"), 0.01},
                                          {QStringLiteral("min_increment"), 0.01},
                                          {QStringLiteral("winning_value"), 1000.0},
                                          {QStringLiteral("bid_count"), 2}}},
                             {QStringLiteral("item_id"), QStringLiteral("item1")}};
    QHttpServer server;
    server.route(QStringLiteral("/api/v1/items/<arg>"),
                 [answer](const QString&) { return answer; });
    if (server.listen(QHostAddress::LocalHost, port) == 0)
        return 1;
    return app.exec();
}
