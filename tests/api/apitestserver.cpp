#include "apitestserver.h"

#include "support/databasesnapshot.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>

namespace BidTracker::Testing {

namespace {

/// Keeps every JSON answer the tests receive, one JSON line each, in a file per test
/// process under ANSWERS_DIR; the openapi_answers test checks them all against the
/// OpenAPI document's schemas (tests/api/validate-answers.cjs).
void recordAnswer(const QByteArray& method, const QString& path, const HttpReply& reply)
{
#ifdef ANSWERS_DIR
    if (!reply.header("Content-Type").startsWith("application/json"))
        return;
    static QFile file = [] {
        QDir().mkpath(QStringLiteral(ANSWERS_DIR));
        return QFile(QStringLiteral(ANSWERS_DIR "/answers-%1.jsonl")
                         .arg(QCoreApplication::applicationPid()));
    }();
    if (!file.isOpen() && !file.open(QIODevice::Append))
        return;
    const QJsonObject line{{QStringLiteral("method"), QString::fromLatin1(method)},
                           {QStringLiteral("path"), QUrl(path).path()},
                           {QStringLiteral("status"), reply.status},
                           {QStringLiteral("body"), QString::fromUtf8(reply.body)}};
    file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
    file.flush();
#else
    Q_UNUSED(method)
    Q_UNUSED(path)
    Q_UNUSED(reply)
#endif
}

} // namespace

QByteArray HttpReply::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Api::ServerSettings ApiTestServer::defaultSettings()
{
    Api::ServerSettings settings;
    settings.bindAddress = QHostAddress::LocalHost;
    settings.port = 0;
    settings.token = Token;
    settings.rateLimitPerSecond = 0;
    return settings;
}

ApiTestServer::ApiTestServer(Api::ServerSettings settings, bool sample)
{
    if (sample) {
        EXPECT_TRUE(m_auction.service().loadSampleAuction().has_value());
    }
    m_server =
        std::make_unique<Api::ServerThread>(m_auction.path(), settings, &m_auction.notifier());
    QString error;
    EXPECT_TRUE(m_server->startServer(&error)) << error.toStdString();
}

ApiTestServer::~ApiTestServer()
{
    m_server->stopServer();
}

QString ApiTestServer::base() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port());
}

HttpReply ApiTestServer::request(const QByteArray& method, const QString& path,
                                 const QByteArray& body,
                                 const QList<std::pair<QByteArray, QByteArray>>& headers)
{
    QNetworkRequest request(QUrl(base() + path));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    // As a station does: reads of personal data need the token too (API.md "Personal data");
    // a test of what a reader without it sees removes the header.
    request.setRawHeader("Authorization", "Bearer " + Token.toUtf8());
    if (method == "POST" || method == "PUT" || method == "DELETE") {
        if (method != "DELETE")
            request.setRawHeader("Content-Type", "application/json");
    }
    for (const auto& [name, value] : headers) {
        if (value.isNull())
            request.setRawHeader(name, QByteArray());
        else
            request.setRawHeader(name, value);
    }
    QNetworkReply* reply = body.isEmpty() && method != "POST" && method != "PUT"
                               ? m_network.sendCustomRequest(request, method)
                               : m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply result;
    if (!reply->isFinished()) {
        ADD_FAILURE() << method.toStdString() << " " << path.toStdString() << " timed out";
        reply->abort();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto& pair : reply->rawHeaderPairs())
        result.headers.append({pair.first, pair.second});
    reply->deleteLater();
    recordAnswer(method, path, result);
    return result;
}

QString ApiTestServer::snapshot()
{
    return databaseSnapshot(m_auction.path());
}

::testing::AssertionResult isRefusal(const HttpReply& reply, int status, const char* code)
{
    const QJsonValue message = reply.object()[QStringLiteral("message")];
    if (reply.status == status && reply.code() == QLatin1String(code) &&
        (message.isString() || message.isObject()))
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "expected " << status << " " << code << ", got "
                                         << reply.status << " " << reply.body.toStdString();
}

} // namespace BidTracker::Testing
