#!/usr/bin/env bash
# Renders the sample parks' HTML dossiers in headless Chromium to PNG (first screen and full page) and to
# PDF (A4), to look at them as a person would: out/dossiers/. Installs chromium and fonts-noto-cjk from
# Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-dependencies.sh
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    echo "installing chromium and fonts-noto-cjk (apt-get)" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    $SUDO apt-get install -y chromium fonts-noto-cjk
fi
swift build --product parkscore
bin="$(swift build --show-bin-path)/parkscore"
out=out/dossiers
mkdir -p "$out"
render() {  # name lang html
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,1400 \
        --screenshot="$out/$1.$2.png" "file://$PWD/$3" 2>/dev/null
    chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --print-to-pdf="$out/$1.$2.pdf" "file://$PWD/$3" 2>/dev/null
}
for report in Samples/*/self-report.yaml; do
    name="$(basename "$(dirname "$report")")"
    for lang in zh en; do
        html="$out/$name.$lang.html"
        "$bin" dossier "$report" --format html --lang "$lang" -o "$html"
        render "$name" "$lang" "$html"
        # With reviews, the evaluation report (评审意见书) too.
        if [ -d "Samples/$name/reviews" ]; then
            html="$out/$name.evaluation.$lang.html"
            "$bin" dossier "$report" --reviews "Samples/$name/reviews" --format html --lang "$lang" -o "$html"
            render "$name.evaluation" "$lang" "$html"
        fi
    done
    echo "$name: $out/$name.{zh,en}.{html,png,pdf}"
done
