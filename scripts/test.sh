#!/usr/bin/env bash
# The tests: `swift test`, then the web workbench in a real browser (a park, three reviewers and a chair take an
# application through a whole round; scripts/web/e2e.py, screenshots in out/e2e/). The browser test installs
# chromium, chromium-driver and selenium when missing, and is skipped, saying why, only where they cannot be installed.
set -euo pipefail
cd "$(dirname "$0")/.."
swift test
if scripts/web/ensure-browser.sh; then
    PARKSCORE_BUILD=debug scripts/web/e2e.sh
else
    echo "SKIPPED: the browser test (chromium, chromium-driver or selenium could not be installed)" >&2
fi
