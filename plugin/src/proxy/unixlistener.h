// A listening Unix socket that the host binds in a directory of its own,
// without QLocalServer: QLocalServer's world-access option binds in a
// temporary directory it then renames and deletes recursively, and sets the
// mode by path, all of which a process that can write that directory can
// redirect. Here the directory is opened once without following a link and
// must be writable by this user alone; the socket is bound and given its mode
// through that descriptor.
#pragma once

#include <QObject>
#include <QString>

class QLocalSocket;
class QSocketNotifier;

namespace hako::proxy {

class UnixListener final : public QObject
{
    Q_OBJECT
public:
    // Binds `socketPath` (a stale socket there is replaced) with mode 0666,
    // because the container's user is another uid, possibly remapped.
    // Null with `error` (plain English) set when it cannot.
    // Refuses a name another listener still serves (another host process's).
    static UnixListener *listen(const QString &socketPath, QString *error, QObject *parent = nullptr);
    // Whether a listener accepts connections at `socketPath` now.
    static bool isServed(const QString &socketPath);
    // Stops listening and removes the socket, if it is still the one bound here.
    ~UnixListener() override;

    QString path() const { return m_path; }

Q_SIGNALS:
    // An accepted connection, parented to no one: the receiver owns it.
    void accepted(QLocalSocket *socket);

private:
    UnixListener(int fd, const QString &path, quint64 inode, QObject *parent);
    void acceptPending();
    void pauseAccepting();

    int m_fd;
    QString m_path;
    quint64 m_inode;
    QSocketNotifier *m_notifier;
};

} // namespace hako::proxy
