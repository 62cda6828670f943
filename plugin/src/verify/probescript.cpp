#include "probescript.h"

#include <QFile>

namespace hako::probes {
namespace {

QString resource(const QString &name)
{
    QFile f(QStringLiteral(":/verify/probes/") + name);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QString shellQuoted(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString scriptCommand(const QString &name, const Params &params)
{
    const QString script = resource(name + QStringLiteral(".sh"));
    if (script.isEmpty())
        return QStringLiteral("echo 'FAIL: no probe script %1'; exit 2").arg(name);
    QString command = QStringLiteral("(\n");
    for (const auto &p : params)
        command += QStringLiteral("export %1=%2\n").arg(p.first, shellQuoted(p.second));
    command += QStringLiteral("V_PY=$(cat <<'HAKO_VERIFY_PY'\n") + resource(QStringLiteral("helpers.py"))
               + QStringLiteral("HAKO_VERIFY_PY\n)\n");
    command += resource(QStringLiteral("prelude.sh")) + script;
    command += QStringLiteral("\nexit \"$V_FAILED\"\n)");
    return command;
}

} // namespace hako::probes
