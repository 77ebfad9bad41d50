#pragma once
// The window under test: a MainWindow on the sample auction with a live server on an
// ephemeral port and its own settings folder; shared by the window tests.
#include "app/api/serverthread.h"
#include "model/tables/tablesupport.h"
#include "support/testauction.h"
#include "ui/auctionactions.h"
#include "ui/mainwindow.h"
#include "ui/operatordesk.h"
#include "ui/servercontrol.h"
#include "ui/tablepage.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>
#include <memory>

namespace BidTracker::Testing {

/// The embedded server for the window under test, on an ephemeral port.
class TestServerControl final : public Gui::ServerControl
{
public:
    TestServerControl(const QString& db, Model::ChangeNotifier* notifier)
    {
        m_settings.port = 0;
        m_settings.token = QStringLiteral("window-test-token");
        m_settings.rateLimitPerSecond = 0;
        m_thread = std::make_unique<Api::ServerThread>(db, m_settings, notifier);
        QString error;
        EXPECT_TRUE(m_thread->startServer(&error)) << error.toStdString();
    }
    bool start(const QString&, quint16, QString*) override { return true; }
    void stop() override { m_thread->stopServer(); }
    bool isRunning() const override { return m_thread->isRunning(); }
    QString address() const override { return QStringLiteral("127.0.0.1"); }
    quint16 port() const override { return m_thread->port(); }
    QString baseUrl() const override { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    bool reachableFromOtherMachines() const override { return false; }
    QString token() const override { return m_settings.token; }
    bool authRequired() const override { return true; }
    quint64 requestsServed() const override { return m_thread->requestsServed(); }
    QString lastError() const override { return {}; }
    void rememberAsDefault() override {}

private:
    Api::ServerSettings m_settings;
    std::unique_ptr<Api::ServerThread> m_thread;
};

/// A window on the sample auction, with its own settings file and a live server.
struct WindowFixture
{
    QTemporaryDir settingsDir;
    Testing::TestAuction auction;
    std::unique_ptr<TestServerControl> server;
    std::unique_ptr<Gui::MainWindow> window;
    /// Who works at the window, as every window has it (owned by the window).
    Gui::OperatorDesk* desk = nullptr;
    QStringList reports;

    WindowFixture()
    {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        EXPECT_TRUE(auction.service().loadSampleAuction().has_value());
        server = std::make_unique<TestServerControl>(auction.path(), &auction.notifier());
        window = std::make_unique<Gui::MainWindow>(auction.service(), auction.notifier(),
                                                   auction.path(), server.get());
        desk = new Gui::OperatorDesk(*window, auction.service(), auction.db());
        window->actions()->setConfirm([](const QString&) { return true; });
        // The buy-now offer answered Esc (a plain bid), as before it was asked.
        window->actions()->setOffer([](const QString&) { return false; });
        window->actions()->setReport([this](const QString& message) { reports.append(message); });
        window->resize(1280, 800);
        window->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }
    QTableView* items() { return window->itemsPage()->view(); }
    int rowsOf(QTableView* view) { return view->model()->rowCount(); }
};

/// Processes events until `condition` holds or `ms` pass; QTRY_* would report to QTest, not
/// to GoogleTest.
template <typename Condition> inline bool waitFor(Condition condition, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition() && timer.elapsed() < ms)
        QTest::qWait(1);
    return condition();
}

inline QString cell(QTableView* view, int row, int column)
{
    return view->model()->index(row, column).data().toString();
}

inline /// The lots table's cell for this lot and column, as the view shows it.
    QModelIndex
    lotCell(WindowFixture& f, qint64 id, int column)
{
    QAbstractItemModel* shown = f.items()->model();
    for (int row = 0; row < shown->rowCount(); ++row)
        if (shown->index(row, 0).data(Model::IdRole).toLongLong() == id)
            return shown->index(row, column);
    return {};
}

} // namespace BidTracker::Testing
