// The probe catalogue of `hako-host verify`, in the order the probes run: each
// probe names the rows of the security checklist (verifyrows.h) it gives evidence
// for. A row passes when every probe naming it passes.
#pragma once

#include "verifyoutcome.h"
#include "verifysession.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace hako::host::verify {

struct Probe
{
    QString id;
    const char *title; // untranslated; tr() at rendering
    QStringList rows;
    std::function<Outcome(Session &)> run;
};

const QList<Probe> &probeCatalogue();

} // namespace hako::host::verify
