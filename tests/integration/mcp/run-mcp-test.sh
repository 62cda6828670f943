#!/usr/bin/env bash
# Installs the official MCP TypeScript SDK into the build tree (pinned in
# package.json; nothing is vendored) and runs mcp-client.test.mjs against
# hako-host. A missing node or a failed install fails the test: it never skips.
#
# Usage: run-mcp-test.sh SOURCE_DIR WORK_DIR HAKO_HOST
set -euo pipefail
src="$1" work="$2" host="$3"

for tool in node npm; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (scripts/setup.sh installs it)" >&2; exit 1; }
done
mkdir -p "$work"
cp "$src/package.json" "$src/mcp-client.test.mjs" "$work/"
cd "$work"
if ! npm install --no-audit --no-fund --loglevel=error; then
    echo "FAIL: npm could not install @modelcontextprotocol/sdk into $work" >&2
    exit 1
fi
echo "# node $(node --version), @modelcontextprotocol/sdk $(node -p 'require("./node_modules/@modelcontextprotocol/sdk/package.json").version')"
HAKO_HOST="$host" exec node --test --test-reporter=spec mcp-client.test.mjs
