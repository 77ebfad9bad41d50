#pragma once

#include <QWidget>

class QComboBox;
class QDateTimeEdit;
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

/// A date-time field shown to the minute takes what is typed: 02:13 is 02:13:00.000, never
/// the hidden seconds of the value it started from (a value loaded with seconds keeps them
/// until it is edited).
void takeWholeMinutes(QDateTimeEdit* edit);
/// `time` with its seconds and milliseconds dropped.
QDateTime wholeMinute(const QDateTime& time);

} // namespace BidTracker::Gui
