#include "logging.h"

namespace hako::host {

Q_LOGGING_CATEGORY(lcMcp, "hako.mcp", QtInfoMsg)

} // namespace hako::host
