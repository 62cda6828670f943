// Probes of the lifecycle and observability rows (layer 6, the
// checklists' GC, shutdown, health and metrics items, Layer 7).
#pragma once

#include "verifyoutcome.h"
#include "verifysession.h"

namespace hako::host::verify {

// The sum of a metric's samples on this run's /metrics whose labels contain
// `labels` (empty: all of them); -1 when /metrics did not answer.
double metricSum(Session &session, const QByteArray &name, const QByteArray &labels = {});
// health() through the interface and GET /healthz on the admin endpoint.
Outcome healthReport(Session &session);
// /metrics exports the seccomp violation metric and counted the probes' refusals.
Outcome securityMetrics(Session &session);
// Shipped Prometheus alert rules cover seccomp violations.
Outcome alertRules(Session &session);
// userns-remap on the engine (optional: "off" when it is not enabled).
Outcome usernsRemap(Session &session);
// With the idle TTL shortened to 1 s, GC removes every container of the run.
Outcome garbageCollection(Session &session);
// shutdown() leaves no container of this host behind; the last probe.
Outcome shutdownRemovesAll(Session &session);

} // namespace hako::host::verify
