#include "proxylog.h"

Q_LOGGING_CATEGORY(lcProxy, "hako.proxy", QtInfoMsg)
