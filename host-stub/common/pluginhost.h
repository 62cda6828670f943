// Loads the plugin by path the way any host should: metadata first, and
// instance() only for a plugin that declares our interface and API version.
#pragma once

#include <hako/toolexecutor.h>

#include <QCoreApplication>
#include <QPluginLoader>
#include <QString>

namespace hako::host {

class PluginHost
{
    Q_DECLARE_TR_FUNCTIONS(hako::host::PluginHost)

public:
    // Empty path: $HAKO_PLUGIN, else the plugin beside the interface library (hako::pluginPath()).
    Error load(const QString &path);
    ToolExecutor *executor() const { return m_executor; }
    // The plugin's root object, for the optional interfaces (qobject_cast).
    QObject *instance() { return m_loader.instance(); }
    QString path() const { return m_loader.fileName(); }

    static QString defaultPluginPath();

private:
    QPluginLoader m_loader;
    ToolExecutor *m_executor = nullptr;
};

} // namespace hako::host
