// Turns probe outcomes into the checklist report: each row's result from the
// probes that name it, rendered as text, Markdown or JSON, in the user's language.
#pragma once

#include "verifyprobes.h"
#include "verifyrows.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>

namespace hako::host::verify {

enum class Status { Pass, Fail, Off };

struct ProbeResult
{
    Probe probe;
    Outcome outcome;
    Status status() const;
};

struct RowResult
{
    const Row *row;
    Status status;
    QStringList probes; // ids of the probes that name the row
};

struct Report
{
    QString runtime;
    QString image;
    QString instance;    // the run's own host instance: its containers carry it as a label
    QString privateRoot; // the run's directories, removed when it ends
    QDateTime started;
    qint64 ms = 0;
    QList<ProbeResult> probes;
    QList<RowResult> rows;
    QJsonObject bound; // the host's facts when it was measured (verifyfacts.h)
    bool passed() const;
};

// A row fails when a probe naming it fails or when no probe names it; an
// optional row whose probes are all off is off.
QList<RowResult> rowResults(const QList<ProbeResult> &probes);

QString renderText(const Report &report);
QString renderMarkdown(const Report &report);
QJsonObject renderJson(const Report &report);

// The translated explanation of a runtime note key.
QString noteText(const QString &key);

} // namespace hako::host::verify
