#!/usr/bin/env bash
# The end-to-end browser test: a server on a new database, scripts/web/e2e.py against it, the server stopped.
# Needs chromium, chromium-driver (Debian) and selenium (PyPI); scripts/web/ensure-browser.sh installs them.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PORT="${PORT:-18081}"
eval "$(scripts/web/serve-temporary.sh)"
trap 'kill "$SERVER_PID" 2>/dev/null || true' EXIT
python3 scripts/web/e2e.py "$SERVER_URL" "$PARKSCORE_ADMIN_PASSWORD"
