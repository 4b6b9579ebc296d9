#!/usr/bin/env bash
# Installs what is missing, builds parkscore, and starts the web workbench on its embedded database
# (out/workbench.sqlite; evidence files in out/workbench.sqlite.evidence/). On the first start it makes the bureau's
# administrator account `admin`, asking for its password (or taking $PARKSCORE_ADMIN_PASSWORD). Then open
# http://127.0.0.1:8080/ in a browser and sign in as admin. Any option is passed on to `parkscore serve`
# (--port, --host, --db, --secure-cookies).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-dependencies.sh
CONFIG="${PARKSCORE_BUILD:-release}"
swift build -c "$CONFIG" --product parkscore
bin="$(swift build -c "$CONFIG" --show-bin-path)/parkscore"
db="out/workbench.sqlite"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
    if [ "${args[$i]}" = "--db" ] && [ $((i + 1)) -lt ${#args[@]} ]; then db="${args[$((i + 1))]}"; fi
done
mkdir -p "$(dirname "$db")"
if [ ! -s "$db" ]; then
    echo "首次启动：创建主管部门管理员账户 admin / first start: making the administrator account admin" >&2
    # Nothing half-made: a database whose administrator could not be made is removed, and the next start asks again.
    "$bin" serve --db "$db" --create-admin admin || { rm -rf "$db" "$db-wal" "$db-shm" "$db.evidence"; exit 1; }
fi
exec "$bin" serve --db "$db" "$@"
