#include "serverconfig.h"

#include <QRandomGenerator>
#include <QSettings>

namespace BidTracker::App {

QString newApiToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()),
                                          bytes.size() / sizeof(quint32));
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

void saveServerAddress(const QString& address, quint16 port)
{
    QSettings settings;
    settings.setValue(QStringLiteral("server/bind"), address);
    settings.setValue(QStringLiteral("server/port"), port);
}

Api::ServerSettings serverSettings(const Options& options)
{
    QSettings settings;
    Api::ServerSettings server;
    server.port = options.port.value_or(
        static_cast<quint16>(settings.value(QStringLiteral("server/port"), 5000).toUInt()));
    server.bindAddress = options.bindAddress.value_or(QHostAddress(
        settings.value(QStringLiteral("server/bind"), QStringLiteral("127.0.0.1")).toString()));
    if (server.bindAddress.isNull())
        server.bindAddress = QHostAddress::LocalHost;
    server.rateLimitPerSecond =
        options.rateLimit.value_or(settings.value(QStringLiteral("server/rateLimit"), 100).toInt());
    server.authRequired = !options.noAuth;
    if (options.token) {
        server.token = *options.token; // for this run: the saved one stays as it is
        return server;
    }
    QString saved = settings.value(QStringLiteral("server/token")).toString();
    if (saved.size() < 8) {
        saved = newApiToken();
        settings.setValue(QStringLiteral("server/token"), saved);
    }
    server.token = saved;
    return server;
}

} // namespace BidTracker::App
