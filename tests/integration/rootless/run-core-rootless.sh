#!/usr/bin/env bash
# The core integration tests with docker.binary=podman, run by an unprivileged
# user against its own rootless Podman.   run-core-rootless.sh TST_CORE HAKO_HOST
set -euo pipefail
. "$(dirname "$0")/rootless-env.sh"
tst="$1"; host="$2"
require_readable "$tst" "$host" "$(dirname "$host")/hako-agent"
ensure_rootless_image
as_user HAKO_TEST_ENGINE=podman "$tst"
