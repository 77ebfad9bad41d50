#pragma once

#include <QLabel>

namespace BidTracker::Gui {

/// A label for text of any length (a message, a lot's or bidder's name) that never widens
/// its window (issue 21.17): it asks for little width, wraps anywhere when word wrap is on
/// (a 300-character word too) and elides what does not fit.
/// Plain text only; rich text is drawn by QLabel as usual.
class ElidedLabel final : public QLabel
{
public:
    explicit ElidedLabel(QWidget* parent = nullptr) : QLabel(parent) {}
    explicit ElidedLabel(const QString& text, QWidget* parent = nullptr) : QLabel(text, parent) {}

    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;
    /// True when the text did not fit at the last paint.
    bool elided() const { return m_elided; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    bool plain() const;
    bool m_elided = false;
};

} // namespace BidTracker::Gui
