#!/usr/bin/env bash
# The core integration tests with docker.binary=podman, run by an unprivileged
# user against its own rootless Podman.   run-core-rootless.sh TST_CORE HAKO_HOST
set -euo pipefail
. "$(dirname "$0")/rootless-env.sh"
stage_build "$2" "$1"
ensure_rootless_image
as_user HAKO_TEST_ENGINE=podman HAKO_TEST_HOST="$STAGE/bin/hako-host" "$STAGE/bin/$(basename "$1")"
