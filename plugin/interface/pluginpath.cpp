#include <hako/pluginpath.h>

#include <QFileInfo>

#include <dlfcn.h>

namespace hako {

QString pluginPath()
{
    // The directory of the file the dynamic loader mapped this function from.
    Dl_info info{};
    if (::dladdr(reinterpret_cast<void *>(&pluginPath), &info) == 0 || !info.dli_fname)
        return {};
    const QString dir = QFileInfo(QString::fromLocal8Bit(info.dli_fname)).absolutePath() + QLatin1Char('/');
    const QString installed = dir + QStringLiteral(HAKO_PLUGIN_FROM_INTERFACE);
    const QString buildTree = dir + QStringLiteral(HAKO_BUILD_PLUGIN_FROM_INTERFACE);
    return QFileInfo::exists(installed) || !QFileInfo::exists(buildTree) ? installed : buildTree;
}

} // namespace hako
