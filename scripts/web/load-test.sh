#!/usr/bin/env bash
# The load test: a release server on a new database, scripts/web/load-test.py against it (SESSIONS concurrent park
# sessions for SECONDS seconds, pausing THINK seconds between rounds; defaults 100, 30 and 1), the server stopped. Prints p50/p90/p99 per kind of request,
# the errors, and whether any write was lost.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PORT="${PORT:-18082}"
eval "$(scripts/web/serve-temporary.sh)"
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
python3 scripts/web/load-test.py "$SERVER_URL" "$PARKSCORE_ADMIN_PASSWORD" "$SERVER_DATA/workbench.sqlite" "${1:-100}" "${2:-30}" "${3:-1}"
