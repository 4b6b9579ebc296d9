#!/usr/bin/env bash
# Starts the workbench on a new database in a temporary folder, for the end-to-end and load tests: builds parkscore
# (release unless PARKSCORE_BUILD=debug), makes the administrator `admin` (password in $PARKSCORE_ADMIN_PASSWORD), starts
# `parkscore serve` on 127.0.0.1:$PORT in the background and waits until it answers. Prints the server's pid and data
# folder as shell assignments (eval them); stop it with `kill $SERVER_PID`.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${PORT:-18080}"
CONFIG="${PARKSCORE_BUILD:-release}"
swift build -c "$CONFIG" --product parkscore >&2
BIN="$(swift build -c "$CONFIG" --show-bin-path)/parkscore"
if curl -fs -o /dev/null "http://127.0.0.1:$PORT/"; then
    echo "port $PORT is taken by another server: stop it, or set PORT" >&2
    exit 1
fi
DATA="$(mktemp -d "${TMPDIR:-/tmp}/parkscore-serve.XXXXXX")"
export PARKSCORE_ADMIN_PASSWORD="${PARKSCORE_ADMIN_PASSWORD:-admin-password-1}"
"$BIN" serve --db "$DATA/workbench.sqlite" --create-admin admin >&2
"$BIN" serve --db "$DATA/workbench.sqlite" --port "$PORT" > "$DATA/server.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/login"; then break; fi
    if ! kill -0 "$PID" 2>/dev/null; then echo "the server stopped: see $DATA/server.log" >&2; cat "$DATA/server.log" >&2; exit 1; fi
    sleep 0.2
done
echo "SERVER_PID=$PID"
echo "SERVER_DATA=$DATA"
echo "SERVER_URL=http://127.0.0.1:$PORT"
echo "PARKSCORE_ADMIN_PASSWORD=$(printf %q "$PARKSCORE_ADMIN_PASSWORD")"
