#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace BidTracker::Gui {

class ServerControl;

/// The server panel: on/off, address and port, the API token with a copy button, a link to
/// the API page and a live count of requests served.
class ServerPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerPanel)

public:
    explicit ServerPanel(ServerControl* server, QWidget* parent = nullptr);

    /// "Server: http://127.0.0.1:5000 (12 requests)" or "Server: off", for the status bar.
    QString summary() const;

Q_SIGNALS:
    void stateChanged();

private:
    void toggle();
    void refresh();
    QString baseUrl() const;

    ServerControl* m_server;
    QLabel* m_state;
    QLineEdit* m_address;
    QSpinBox* m_port;
    QLineEdit* m_token;
    QPushButton* m_toggle;
    QPushButton* m_openPage;
    QLabel* m_requests;
    QLabel* m_exposure;
};

} // namespace BidTracker::Gui
