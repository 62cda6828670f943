#include "pluginhost.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>

namespace hako::host {
namespace {

constexpr int kApiVersion = 1;

QString tr(const char *text) { return QCoreApplication::translate("hako::host::PluginHost", text); }

} // namespace

QString PluginHost::defaultPluginPath()
{
    const QString fromEnv = qEnvironmentVariable("HAKO_PLUGIN");
    if (!fromEnv.isEmpty())
        return fromEnv;
    // The build tree, else the install tree (cmake/HakoInstall.cmake).
    const QString buildTree = QCoreApplication::applicationDirPath() + QStringLiteral("/../plugins/libhako.so");
    const QString installTree = QCoreApplication::applicationDirPath() + QStringLiteral("/" HAKO_PLUGIN_FROM_HOST);
    return QFileInfo::exists(buildTree) || !QFileInfo::exists(installTree) ? buildTree : installTree;
}

bool PluginHost::load(const QString &path, QString *error)
{
    m_loader.setFileName(path.isEmpty() ? defaultPluginPath() : path);
    if (!QFileInfo::exists(m_loader.fileName())) {
        *error = tr("No plugin at %1.").arg(m_loader.fileName());
        return false;
    }
    const QJsonObject meta = m_loader.metaData();
    if (meta.value(QLatin1String("IID")).toString() != QLatin1String(HakoToolExecutor_iid)) {
        *error = tr("%1 is not a Hako tool executor plugin.").arg(m_loader.fileName());
        return false;
    }
    const int api = meta.value(QLatin1String("MetaData")).toObject().value(QLatin1String("apiVersion")).toInt();
    if (api != kApiVersion) {
        *error = tr("%1 implements API version %2; this host needs %3.")
                     .arg(m_loader.fileName()).arg(api).arg(kApiVersion);
        return false;
    }
    m_executor = qobject_cast<ToolExecutor *>(m_loader.instance());
    if (!m_executor) {
        *error = tr("The plugin %1 could not be loaded: %2").arg(m_loader.fileName(), m_loader.errorString());
        return false;
    }
    return true;
}

} // namespace hako::host
