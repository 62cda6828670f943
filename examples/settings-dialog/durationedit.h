// An editor for a duration the schema stores in seconds ("x-unit": "seconds"):
// hours, minutes and seconds side by side, so nobody types 5400 for an hour and a half.
#pragma once

#include <QWidget>

class QSpinBox;

namespace hako::example {

class DurationEdit final : public QWidget
{
    Q_OBJECT
public:
    DurationEdit(qint64 minimum, qint64 maximum, QWidget *parent = nullptr);

    qint64 seconds() const;
    void setSeconds(qint64 seconds);

private:
    QSpinBox *m_hours;
    QSpinBox *m_minutes;
    QSpinBox *m_seconds;
    qint64 m_minimum;
    qint64 m_maximum;
};

} // namespace hako::example
