// The plugin loaded into the test process, the way an agent host application
// has it (host-stub's PluginHost): calls go straight through ToolExecutor,
// with the paths, and therefore the instance, of a HakoHostDriver. The plugin
// is one object per process; a new session configures it afresh.
#pragma once

#include "hakohostdriver.h"

#include <hako/toolexecutor.h>

#include <QJsonObject>

struct InProcessOutcome
{
    QJsonObject result;
    hako::Error error;
    qint64 ms = 0;
    bool finished = false; // false: the wait's bound passed first
    QString stdoutText() const { return result.value(QLatin1String("stdout")).toString(); }
};

class InProcessPlugin
{
public:
    InProcessPlugin(const HakoHostDriver &host, const QJsonObject &settings = {});

    bool isValid() const { return m_executor && m_problem.isEmpty(); }
    QString problem() const { return m_problem; }
    hako::ToolExecutor *executor() const { return m_executor; }

    hako::ToolCall *start(const QString &conversation, const QString &command) const;
    static InProcessOutcome wait(hako::ToolCall *call, int timeoutMs = 180000);
    InProcessOutcome bash(const QString &conversation, const QString &command, int timeoutMs = 180000) const;

private:
    hako::ToolExecutor *m_executor = nullptr;
    QString m_problem;
};
