#!/usr/bin/env bash
# Installs what the browser test needs when it is missing: chromium and chromium-driver (apt-get), selenium (pip).
# Exits 1, saying what is missing, when it cannot.
set -uo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "installing chromium and chromium-driver (apt-get)" >&2
    $SUDO apt-get install -y chromium chromium-driver >/dev/null 2>&1 \
        || { $SUDO apt-get update >/dev/null 2>&1; $SUDO apt-get install -y chromium chromium-driver >/dev/null 2>&1; }
fi
if ! python3 -c 'import selenium' >/dev/null 2>&1; then
    echo "installing selenium (pip)" >&2
    python3 -m pip install --quiet selenium \
        || python3 -m pip install --quiet --user --break-system-packages selenium \
        || $SUDO apt-get install -y python3-selenium >/dev/null 2>&1
fi
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
python3 -c 'import selenium' >/dev/null 2>&1 || missing="$missing selenium"
if [ -n "$missing" ]; then
    echo "the browser test cannot run: missing$missing" >&2
    exit 1
fi
