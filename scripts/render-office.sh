#!/usr/bin/env bash
# Writes the office files parkscore makes for the samples — the 申报表 template (xlsx), the ranking and comparison
# (xlsx), an expert panel's 评分表 (xlsx) and the 评审意见书 (docx) — converts each to PDF with LibreOffice headless
# and renders every page to PNG with pdftoppm, to look at them as an office worker would: out/office/.
# Installs libreoffice-calc, libreoffice-writer, poppler-utils and fonts-noto-cjk from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-dependencies.sh
if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
    echo "installing libreoffice-calc, libreoffice-writer, poppler-utils and fonts-noto-cjk (apt-get)" >&2
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    $SUDO apt-get install -y --no-install-recommends libreoffice-calc libreoffice-writer poppler-utils fonts-noto-cjk
fi
swift build --product parkscore
bin="$(swift build --show-bin-path)/parkscore"
out=out/office
rm -rf "$out"
mkdir -p "$out"
card=beijing-digital-advertising-park
for lang in zh en; do
    "$bin" template "$card" --format xlsx --lang "$lang" -o "$out/template.$lang.xlsx"
    "$bin" dossier Samples/beijing-xinghe/self-report.yaml --reviews Samples/beijing-xinghe/reviews --format docx --lang "$lang" \
        -o "$out/dossier.$lang.docx"
    "$bin" dossier Samples/beijing-xinghe/self-report.yaml --reviews Samples/beijing-xinghe/reviews --format xlsx --lang "$lang" \
        -o "$out/scoring-sheet.$lang.xlsx"
    "$bin" compare Samples/beijing-xinghe/self-report.yaml Samples/beijing-dongling/self-report.yaml --scorecard "$card" \
        --format xlsx --lang "$lang" -o "$out/comparison.$lang.xlsx"
done
"$bin" convert Samples/beijing-xinghe/self-report.yaml --scorecard "$card" -o "$out/beijing-xinghe.申报表.xlsx"
# LibreOffice keeps a profile; a private one keeps this run from touching (or waiting on) a desktop session's.
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
for file in "$out"/*.xlsx "$out"/*.docx; do
    soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$file" >/dev/null 2>&1
    pdf="${file%.*}.pdf"
    pdftoppm -r 60 -png "$pdf" "${file%.*}"
done
echo "wrote $(ls "$out"/*.png | wc -l) pages to look at: $out/" >&2
