#include "loopmount.h"

#include "../policy/errors.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/loop.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <unistd.h>

namespace hako::loopmount {
namespace {

// Another process may take the device between GET_FREE and CONFIGURE.
constexpr int kAttachAttempts = 16;
// No background zeroing of inode tables (it would allocate the sparse image
// on the host), and deleted files give their blocks back to the host's disk.
// noauto_da_alloc: replacing a file by rename (how write_file and the editor
// save) does not force the new data to disk first; that flush made replacing
// a 100 MB file take 130 ms instead of nothing. The price: a power cut within
// the next writeback interval may leave such a file empty.
constexpr char kOptions[] = "noinit_itable,discard,noauto_da_alloc";

QString systemError(const char *what, int error)
{
    return QStringLiteral("%1: %2").arg(QLatin1String(what), QString::fromLocal8Bit(std::strerror(error)));
}

Error capError(const QString &reason)
{
    return makeError(ErrorCode::WorkspaceCap, {}, reason);
}

// /proc/self/mountinfo escapes space, tab, newline and backslash as \ooo.
QString unescape(const QByteArray &field)
{
    QByteArray out;
    for (int i = 0; i < field.size(); ++i) {
        if (field.at(i) == '\\' && i + 3 < field.size()) {
            bool ok = false;
            const int value = field.mid(i + 1, 3).toInt(&ok, 8);
            if (ok) {
                out += char(value);
                i += 3;
                continue;
            }
        }
        out += field.at(i);
    }
    return QFile::decodeName(out);
}

struct Mount
{
    QString point;
    QString options; // per-mount options: rw,nosuid,nodev,...
};

QList<Mount> allMounts()
{
    QFile info(QStringLiteral("/proc/self/mountinfo"));
    QList<Mount> mounts;
    if (!info.open(QIODevice::ReadOnly))
        return mounts;
    for (const QByteArray &line : info.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() > 5)
            mounts.append({unescape(fields.at(4)), QString::fromLatin1(fields.at(5))});
    }
    return mounts;
}

// Configures a free loop device on `imageFd` and mounts it; the device fd is
// closed either way, which detaches the device again unless the mount holds it.
// Empty when mounted, else why not.
QString attachAndMount(int control, int imageFd, const QByteArray &target)
{
    for (int attempt = 0; attempt < kAttachAttempts; ++attempt) {
        const int number = ::ioctl(control, LOOP_CTL_GET_FREE);
        if (number < 0)
            return systemError("no free loop device", errno);
        const QByteArray device = "/dev/loop" + QByteArray::number(number);
        const int deviceFd = ::open(device.constData(), O_RDWR | O_CLOEXEC);
        if (deviceFd < 0)
            return systemError(device.constData(), errno);
        loop_config config = {};
        config.fd = uint32_t(imageFd);
        config.info.lo_flags = LO_FLAGS_AUTOCLEAR;
        if (::ioctl(deviceFd, LOOP_CONFIGURE, &config) != 0) {
            const int why = errno;
            ::close(deviceFd);
            if (why == EBUSY)
                continue;
            return systemError("LOOP_CONFIGURE", why);
        }
        const bool mounted =
                ::mount(device.constData(), target.constData(), "ext4", MS_NODEV | MS_NOSUID, kOptions) == 0;
        const int why = errno;
        ::close(deviceFd);
        return mounted ? QString() : systemError("mount", why);
    }
    return QStringLiteral("every free loop device was taken by someone else");
}

} // namespace

Error mountImage(const QString &image, const QString &dir)
{
    const int imageFd = ::open(QFile::encodeName(image).constData(), O_RDWR | O_CLOEXEC);
    if (imageFd < 0)
        return capError(systemError("open image", errno));
    const int control = ::open("/dev/loop-control", O_RDWR | O_CLOEXEC);
    if (control < 0) {
        const Error error = capError(systemError("/dev/loop-control", errno));
        ::close(imageFd);
        return error;
    }
    const QString failure = attachAndMount(control, imageFd, QFile::encodeName(dir));
    ::close(control);
    ::close(imageFd);
    return failure.isEmpty() ? Error() : capError(failure);
}

Error moveMount(const QString &from, const QString &to)
{
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
    // MS_MOVE takes microseconds; an unmount waits for an RCU grace period
    // (~10 ms here). It is refused below a shared mount: bind and unmount then.
    if (::mount(source.constData(), target.constData(), nullptr, MS_MOVE, nullptr) == 0)
        return {};
    if (::mount(source.constData(), target.constData(), nullptr, MS_BIND, nullptr) != 0)
        return capError(systemError("bind mount", errno));
    return unmount(from);
}

Error unmount(const QString &dir, Contents contents)
{
    const QByteArray path = QFile::encodeName(dir);
    // A removed container's mount namespace can outlive `docker rm` for a
    // moment and keep this file system alive after the umount below; the
    // next call then mounts the image a second time, which reads what is on
    // disk. Written out first, what is on disk is everything: without this a
    // file written shortly before an expiry came back empty (integration.soak).
    const int fd =
            contents == Contents::Keep ? ::open(path.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
    if (fd >= 0) {
        ::syncfs(fd);
        ::close(fd);
    }
    if (::umount2(path.constData(), UMOUNT_NOFOLLOW) == 0)
        return {};
    if (errno == EBUSY && ::umount2(path.constData(), MNT_DETACH | UMOUNT_NOFOLLOW) == 0)
        return {};
    return capError(systemError("umount", errno));
}

QStringList mountPointsUnder(const QString &dir)
{
    const QString root = QDir::cleanPath(dir);
    QStringList under;
    for (const Mount &m : allMounts())
        if (m.point == root || m.point.startsWith(root + QLatin1Char('/')))
            under << m.point;
    // Deepest first, so that unmounting in this order never finds one busy with another.
    std::sort(under.begin(), under.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return under;
}

bool isMountPoint(const QString &dir)
{
    return !mountOptions(dir).isEmpty();
}

QString mountOptions(const QString &dir)
{
    const QString point = QDir::cleanPath(dir);
    QString options;
    for (const Mount &m : allMounts())
        if (m.point == point)
            options = m.options; // the last one mounted there is the one in effect
    return options;
}

} // namespace hako::loopmount
