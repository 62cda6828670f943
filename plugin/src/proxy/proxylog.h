// The proxy's single logging category. Nothing logged under it may contain a
// header value, a body or a credential: only methods, hosts, reasons, sizes.
#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcProxy)
