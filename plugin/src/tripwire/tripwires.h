// What a tripped wire does (docs/tripwires.md). A sandbox that uses its decoy
// credentials through the proxy, or opens a decoy file, is taken to be
// hunting for secrets: the host freezes its container (docker pause) at once,
// records evidence (the conversation's audit lines, the container's file
// changes and processes, the workspace listing with sizes and SHA-256) in a
// root-only bundle, and then applies tripwire.action: freeze (the container
// stays paused and calls fail until the conversation is ended), end, or log
// (it runs on). The freeze is a file under paths.runtime, so that every host
// process refuses the conversation's calls.
#pragma once

#include "../engine/containerengine.h"

#include <QObject>
#include <QSet>
#include <QString>

namespace hako {

struct InstanceConfig;

class Tripwires final : public QObject
{
    Q_OBJECT
public:
    enum class Action { Freeze, End, Log };
    // tripwire.action's words; false for any other.
    static bool parseAction(const QString &text, Action *action);
    // Conversations of this host frozen now.
    static int frozenCount(const InstanceConfig &config);

    Tripwires(const InstanceConfig &config, ContainerEngine &engine, QObject *parent = nullptr);

    // Conversation `key`, whose container is `container`, tripped a wire;
    // `source` is "proxy" or "canary". Again while it is handled: nothing more.
    void trip(const QString &key, const QString &container, const QString &source);
    // Whether `key` is frozen, by this process or another of this host.
    bool isFrozen(const QString &key) const;
    // Lifts the freeze; for when the conversation's container is gone.
    void release(const QString &key);

Q_SIGNALS:
    // First of all, so that the audit line precedes the evidence that quotes it.
    void tripped(const QString &key, const QString &source, const QString &action);
    // The bundle is complete (`path` empty when it could not be written).
    void evidenceWritten(const QString &key, const QString &path);
    // tripwire.action is end: the conversation is to be ended.
    void endRequested(const QString &key);

private:
    static QString markersOf(const InstanceConfig &config);
    QString markerOf(const QString &key) const;
    void collect(const QString &key, const QString &container, const QByteArray &summary);
    void finish(const QString &key, const QString &container, const QString &path);

    const InstanceConfig &m_config;
    ContainerEngine &m_engine;
    Action m_action;
    QSet<QString> m_handling;
};

} // namespace hako
