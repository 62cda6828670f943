// Every call the profile denies by name, made inside a real conversation
// container through the plugin: refused with the rule's errno, and reported
// by the agent's seccomp layer exactly once per attempt, by name. A copy of
// the profile whose rules answer with a marker errno shows that the rules in
// the agent's layer refuse the calls, not Docker's default or a missing
// capability. The log folds repeats of a name into one line with their count
// (throttled per sandbox and name); the counts still add up to the attempts.
#include "hakohostdriver.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

QByteArray readFile(const char *path)
{
    QFile f(QString::fromUtf8(path));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The names the plugin logged as denied, one entry per report. Repeats of a
// name are folded into one line with their count ("... "socket" 3 times ...").
QStringList reported(const QByteArray &log)
{
    QStringList names;
    static const QRegularExpression line(QStringLiteral("seccomp denied \"([a-z0-9_]+)\"(?: (\\d+) times)?"));
    for (auto it = line.globalMatch(QString::fromUtf8(log)); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const int count = m.captured(2).isEmpty() ? 1 : m.captured(2).toInt();
        for (int i = 0; i < count; ++i)
            names << m.captured(1);
    }
    names.sort();
    return names;
}

// The probe's own list of the calls it made that a rule should refuse.
QStringList expected(const QByteArray &out)
{
    static const QRegularExpression line(QStringLiteral("^rule-denials: (.*)$"), QRegularExpression::MultilineOption);
    QStringList names = line.match(QString::fromUtf8(out)).captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    names.sort();
    return names;
}

} // namespace

class tst_SeccompCount : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deniedAndCounted_data()
    {
        QTest::addColumn<int>("errnoRet");
        QTest::newRow("shipped profile: EPERM") << 1;
        QTest::newRow("marked copy: errno 133") << 133;
    }

    void deniedAndCounted()
    {
        QFETCH(int, errnoRet);
        HakoHostDriver host;
        QVERIFY(host.isValid());
        QByteArray profile = readFile(HAKO_PROFILE);
        QVERIFY(!profile.isEmpty());
        if (errnoRet != 1) {
            profile.replace("\"errnoRet\": 1,", "\"errnoRet\": " + QByteArray::number(errnoRet) + ",");
            profile.replace("\"errnoRet\": 1\n", "\"errnoRet\": " + QByteArray::number(errnoRet) + "\n");
            QVERIFY(profile.contains(QByteArray::number(errnoRet)));
            const QString path = host.runtimeDir() + QStringLiteral("-marked.json");
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly) && out.write(profile) == profile.size());
            host.set(QStringLiteral("seccomp.profile=") + path);
        }
        const QByteArray probe = readFile(HAKO_DENIED_PROBE);
        QVERIFY(!probe.isEmpty() && !probe.contains("HAKO_PROBE_END"));
        const QString command = QStringLiteral("python3 - --deny-errno %1 <<'HAKO_PROBE_END'\n%2\nHAKO_PROBE_END")
                                        .arg(errnoRet)
                                        .arg(QString::fromUtf8(probe));
        const HostRun r = host.exec(QStringLiteral("seccomp-count"), command);
        QVERIFY2(r.exitCode == 0, r.out.constData());
        const QStringList want = expected(r.out);
        QVERIFY2(want.size() > 40, r.out.constData());
        for (const char *name :
             {"mount", "umount2", "reboot", "kexec_load", "ptrace", "init_module", "pivot_root", "socket", "unshare",
              "setns", "bpf", "userfaultfd", "io_uring_setup", "perf_event_open", "keyctl", "open_by_handle_at"})
            QVERIFY2(want.contains(QLatin1String(name)), name);
        QCOMPARE(reported(r.err), want);
        host.run({QStringLiteral("end"), QStringLiteral("--conversation"), QStringLiteral("seccomp-count"),
                  QStringLiteral("--delete-workspace")});
    }

    // A loop of one refused call: the host's log folds it into a line or two
    // (the first at once, the rest when the call ends), whose counts add up to
    // every attempt. A line per attempt (no throttle) fails the first check.
    void repeatsFolded()
    {
        constexpr int kAttempts = 500;
        HakoHostDriver host;
        QVERIFY(host.isValid());
        const HostRun r =
                host.exec(QStringLiteral("seccomp-repeat"),
                          QStringLiteral("python3 -c 'import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
                                         "print(sum(libc.mount(b\"none\", b\"/tmp\", b\"tmpfs\", 0, None) != 0 "
                                         "for _ in range(%1)), \"refused\")'")
                                  .arg(kAttempts));
        QVERIFY2(r.exitCode == 0 && r.out.contains(QByteArray::number(kAttempts) + " refused"), r.out.constData());
        static const QRegularExpression mountLine(QStringLiteral("seccomp denied \"mount\"[^\n]*"));
        QStringList lines;
        for (auto it = mountLine.globalMatch(QString::fromUtf8(r.err)); it.hasNext();)
            lines << it.next().captured(0);
        qInfo().noquote() << lines.join(QLatin1Char('\n'));
        QVERIFY2(!lines.isEmpty() && lines.size() <= 3,
                 qPrintable(QString::number(lines.size()) + QStringLiteral(" lines")));
        QCOMPARE(reported(r.err).count(QStringLiteral("mount")), kAttempts);
        host.run({QStringLiteral("end"), QStringLiteral("--conversation"), QStringLiteral("seccomp-repeat"),
                  QStringLiteral("--delete-workspace")});
    }
};

QTEST_GUILESS_MAIN(tst_SeccompCount)
#include "tst_seccompcount.moc"
