#pragma once

#include "app/api/serversettings.h"
#include "app/api/serverthread.h"
#include "support/testauction.h"

#include <gtest/gtest.h>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <memory>

namespace BidTracker::Testing {

/// One HTTP answer, read in full.
struct HttpReply
{
    int status = 0;
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers;

    QByteArray header(QByteArrayView name) const;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    const QJsonObject object() const { return json().object(); }
    /// The `error.code` of an error answer (API.md "Refusals say why, as data"), or "".
    QString code() const
    {
        return object()[QStringLiteral("error")][QStringLiteral("code")].toString();
    }
    /// A fact of the error answer: `error.<key>`.
    QJsonValue fact(const QString& key) const
    {
        return object()[QStringLiteral("error")].toObject()[key];
    }
};

/// Whether `reply` is the refusal `status` with `error.code` `code` (and a message); says
/// what came instead: `EXPECT_TRUE(isRefusal(reply, 409, "has_bids"))`.
::testing::AssertionResult isRefusal(const HttpReply& reply, int status, const char* code);

/// The embedded server on its own thread, on an ephemeral loopback port, over a fresh test
/// database (loaded with the sample auction), and a client that talks to it for real.
class ApiTestServer
{
public:
    static inline const QString Token = QStringLiteral("test-token-0123456789");

    explicit ApiTestServer(Api::ServerSettings settings = defaultSettings(), bool sample = true);
    ~ApiTestServer();

    static Api::ServerSettings defaultSettings();

    TestAuction& auction() { return m_auction; }
    quint16 port() const { return m_server->port(); }
    QString base() const;

    /// Sends a request and waits for the whole answer (10 s at most). Every request carries
    /// the token, and writes a JSON content type, unless `headers` says otherwise (an empty
    /// value removes one).
    HttpReply request(const QByteArray& method, const QString& path, const QByteArray& body = {},
                      const QList<std::pair<QByteArray, QByteArray>>& headers = {});
    HttpReply get(const QString& path) { return request("GET", path); }
    /// A read as anyone on the network may send it: without the token.
    HttpReply getPublic(const QString& path)
    {
        return request("GET", path, {}, {{"Authorization", QByteArray()}});
    }
    HttpReply post(const QString& path, const QByteArray& body)
    {
        return request("POST", path, body);
    }

    /// Every row of the database file, read by SQL on a connection of its own (not through
    /// the API, whose answer cache would hide a change), to prove a refusal changed nothing.
    QString snapshot();

private:
    TestAuction m_auction;
    std::unique_ptr<Api::ServerThread> m_server;
    QNetworkAccessManager m_network;
};

} // namespace BidTracker::Testing
