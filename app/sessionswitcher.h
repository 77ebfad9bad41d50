#pragma once

#include "options.h"
#include "windowsession.h"

#include <QObject>
#include <functional>
#include <memory>

namespace BidTracker::App {

/// Holds the window's one open auction and replaces it when the operator opens another
/// database (File > New, Open, Open recent). The new file is opened first, so a file that
/// cannot be used leaves the current auction as it was. The old server then gives up its
/// port before the new one listens on the same address and port, so kiosks and phones find
/// the new auction where they found the old one; if it cannot, the server panel says why.
class SessionSwitcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionSwitcher)

public:
    using Report = std::function<void(const QString& message)>;

    explicit SessionSwitcher(Options options, QObject* parent = nullptr);
    ~SessionSwitcher() override;

    /// Replaces the warning box shown when a file cannot be opened (tests read it).
    void setReport(Report report) { m_report = std::move(report); }
    /// Opens the first auction, starts its server and shows its window.
    bool openFirst(const QString& path, QString* error);
    /// Opens `path` in place of the current auction; false (and reported) if it cannot.
    bool switchTo(const QString& path);
    WindowSession* current() const { return m_session.get(); }
    void closeAll();

private:
    void adopt(std::unique_ptr<WindowSession> session);

    Options m_options;
    Report m_report;
    std::unique_ptr<WindowSession> m_session;
};

} // namespace BidTracker::App
