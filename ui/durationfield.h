#pragma once

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace BidTracker::Gui {

/// A length of time as people set it: a whole number and a unit, seconds or minutes.
class DurationField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DurationField)

public:
    explicit DurationField(QWidget* parent = nullptr);

    /// Shown in minutes when it is a whole number of them, else in seconds.
    void setSeconds(qint64 seconds);
    qint64 seconds() const;
    QSpinBox* number() const { return m_number; }
    QComboBox* unit() const { return m_unit; }

private:
    QSpinBox* m_number;
    QComboBox* m_unit;
};

} // namespace BidTracker::Gui
