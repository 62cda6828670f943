// Turns SIGINT and SIGTERM into a Qt signal, so that a call can be cancelled
// and a server shut down from the event loop rather than a signal handler.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace hako::host {

class SignalWatcher final : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace hako::host
