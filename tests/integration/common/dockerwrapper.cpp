#include "dockerwrapper.h"

#include <QFile>

bool writeDockerWrapper(const QString &path, const QString &prelude, QString *error)
{
    QFile script(path);
    const bool ok = script.open(QIODevice::WriteOnly)
                    && script.write(QStringLiteral("#!/bin/sh\n%1\nexec docker \"$@\"\n").arg(prelude).toUtf8()) > 0
                    && script.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (!ok)
        *error = path + QStringLiteral(": ") + script.errorString();
    return ok;
}
