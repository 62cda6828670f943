#include "pluginhost.h"

#include "translate.h"

#include <hako/pluginpath.h>

#include <QFileInfo>
#include <QJsonObject>

namespace hako::host {
namespace {

constexpr int kApiVersion = HAKO_API_VERSION;

// The context lupdate gives PluginHost's texts (Q_DECLARE_TR_FUNCTIONS in the header).
constexpr char kContext[] = "hako::host::PluginHost";

Error pluginError(const char *text, const QStringList &args)
{
    return failure(QStringLiteral("plugin"), kContext, text, args);
}

} // namespace

QString PluginHost::defaultPluginPath()
{
    const QString fromEnv = qEnvironmentVariable("HAKO_PLUGIN");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return pluginPath();
}

Error PluginHost::load(const QString &path)
{
    m_loader.setFileName(path.isEmpty() ? defaultPluginPath() : path);
    const QString file = m_loader.fileName();
    if (!QFileInfo::exists(file))
        return pluginError(QT_TR_NOOP("No plugin at %1."), {file});
    const QJsonObject meta = m_loader.metaData();
    if (meta.value(QLatin1String("IID")).toString() != QLatin1String(HakoToolExecutor_iid))
        return pluginError(QT_TR_NOOP("%1 is not a Hako tool executor plugin."), {file});
    const int api = meta.value(QLatin1String("MetaData")).toObject().value(QLatin1String("apiVersion")).toInt();
    if (api != kApiVersion) {
        return pluginError(QT_TR_NOOP("%1 implements API version %2; this host needs %3."),
                           {file, QString::number(api), QString::number(kApiVersion)});
    }
    m_executor = qobject_cast<ToolExecutor *>(m_loader.instance());
    if (!m_executor)
        return pluginError(QT_TR_NOOP("The plugin %1 could not be loaded: %2"), {file, m_loader.errorString()});
    return {};
}

} // namespace hako::host
