#include "durationedit.h"

#include <QHBoxLayout>
#include <QSpinBox>

namespace hako::example {

DurationEdit::DurationEdit(qint64 minimum, qint64 maximum, QWidget *parent)
    : QWidget(parent), m_hours(new QSpinBox(this)), m_minutes(new QSpinBox(this)), m_seconds(new QSpinBox(this)),
      m_minimum(minimum), m_maximum(maximum)
{
    m_hours->setRange(0, int(qMin<qint64>(maximum / 3600, 1000000)));
    m_minutes->setRange(0, 59);
    m_seconds->setRange(0, 59);
    m_hours->setSuffix(tr(" h"));
    m_minutes->setSuffix(tr(" min"));
    m_seconds->setSuffix(tr(" s"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    for (QSpinBox *box : {m_hours, m_minutes, m_seconds})
        row->addWidget(box, 1);
}

// Out-of-range values are the plugin's to report, but the fields cannot go past the schema's maximum.
qint64 DurationEdit::seconds() const
{
    return qBound(m_minimum, qint64(m_hours->value()) * 3600 + m_minutes->value() * 60 + m_seconds->value(), m_maximum);
}

void DurationEdit::setSeconds(qint64 seconds)
{
    m_hours->setValue(int(seconds / 3600));
    m_minutes->setValue(int(seconds % 3600 / 60));
    m_seconds->setValue(int(seconds % 60));
}

} // namespace hako::example
