#include "durationfield.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QSpinBox>

namespace BidTracker::Gui {

DurationField::DurationField(QWidget* parent)
    : QWidget(parent), m_number(new QSpinBox(this)), m_unit(new QComboBox(this))
{
    // Wider than the model allows (a week), so the model's refusal names the field rather
    // than the spin box silently clamping what was typed.
    m_number->setRange(0, 999'999);
    m_number->setAlignment(Qt::AlignRight);
    m_unit->addItem(tr("seconds"), 1);
    m_unit->addItem(tr("minutes"), 60);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_number, 1);
    layout->addWidget(m_unit);
    setFocusProxy(m_number);
}

void DurationField::setSeconds(qint64 seconds)
{
    const bool minutes = seconds > 0 && seconds % 60 == 0;
    m_unit->setCurrentIndex(minutes ? 1 : 0);
    m_number->setValue(static_cast<int>(minutes ? seconds / 60 : seconds));
}

qint64 DurationField::seconds() const
{
    return static_cast<qint64>(m_number->value()) * m_unit->currentData().toLongLong();
}

QDateTime wholeMinute(const QDateTime& time)
{
    const QTime clock = time.time();
    return QDateTime(time.date(), QTime(clock.hour(), clock.minute()), time.timeSpec());
}

void takeWholeMinutes(QDateTimeEdit* edit)
{
    QObject::connect(edit, &QDateTimeEdit::dateTimeChanged, edit, [edit](const QDateTime& time) {
        if (time.time().second() != 0 || time.time().msec() != 0)
            edit->setDateTime(wholeMinute(time));
    });
}

} // namespace BidTracker::Gui
