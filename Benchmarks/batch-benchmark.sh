#!/usr/bin/env bash
# Measures `parkscore batch` on N synthetic applications (Benchmarks/generate-applications.py: the real schema, valid,
# 2–4 evidence files each, deterministic for a seed) against its floors, side by side in one run: wall time, CPU time
# and peak memory from /usr/bin/time -v, each the median of REPEAT runs (default 3), then the ratios.
#
#   floor       libyaml's bare event loop over the same self-reports, one core (ParkScoreBenchmarks floor)
#   python      PyYAML (libyaml loader) parsing each report and checking one Beijing gate (python-baseline.py)
#   all-5       batch --no-dossiers, every application against the five scorecards of its applies_to, in one pass
#   rank-1      batch --no-dossiers --scorecard beijing-digital-advertising-park
#   dossiers    batch --scorecard beijing-digital-advertising-park (HTML + JSON dossiers), all cores
#   dossiers-j1 the same on one worker (--jobs 1)
#   write       writing the same files the dossiers run wrote, two threads, one sync (ParkScoreBenchmarks write-floor)
#
#   Benchmarks/batch-benchmark.sh [N ...]        (default: 1000 10000)
# Benchmarks measure; they assert nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-dependencies.sh
swift build -c release --product parkscore >&2
swift build -c release --product ParkScoreBenchmarks >&2
bindir="$(swift build -c release --show-bin-path)"
work="${TMPDIR:-/tmp}/parkscore-bench"
repeat="${REPEAT:-3}"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
mkdir -p "$work"
beijing=beijing-digital-advertising-park

# measure NAME COMMAND...: runs COMMAND REPEAT times, prints "wall cpu peakMiB" of the median run by wall time.
measure() {
    local results=()
    for _ in $(seq "$repeat"); do
        [ -n "${before:-}" ] && eval "$before"
        /usr/bin/time -v "$@" > /dev/null 2> "$work/time.txt" || true
        local wall cpu peak
        wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
        cpu=$(awk '/User time|System time/ {s+=$NF} END {printf "%.2f", s}' "$work/time.txt")
        peak=$(awk '/Maximum resident set size/ {printf "%.0f", $NF/1024}' "$work/time.txt")
        results+=("$wall $cpu $peak")
    done
    printf '%s\n' "${results[@]}" | sort -n | sed -n "$(( (repeat + 1) / 2 ))p"
}

printf '%-7s %-12s %8s %8s %9s %9s\n' "N" "run" "wall s" "cpu s" "peak MiB" "÷ floor"
for n in "${sizes[@]}"; do
    apps="$work/apps-$n"
    [ -d "$apps" ] || python3 Benchmarks/generate-applications.py "$n" "$apps" --seed 1 >&2
    out="$work/out-$n"
    declare -A row=()
    row[floor]=$(measure "$bindir/ParkScoreBenchmarks" floor "$apps")
    row[python]=$(measure python3 Benchmarks/python-baseline.py "$apps")
    before="rm -rf '$out'; sync"
    row[all-5]=$(measure "$bindir/parkscore" batch "$apps" --all --no-dossiers -o "$out")
    row[rank-1]=$(measure "$bindir/parkscore" batch "$apps" --scorecard "$beijing" --no-dossiers -o "$out")
    row[dossiers-j1]=$(measure "$bindir/parkscore" batch "$apps" --scorecard "$beijing" --jobs 1 -o "$out")
    row[dossiers]=$(measure "$bindir/parkscore" batch "$apps" --scorecard "$beijing" -o "$out")
    before="rm -rf '$work/write-floor'; sync"
    row[write]=$(measure "$bindir/ParkScoreBenchmarks" write-floor "$out/$beijing/dossiers" "$work/write-floor")
    unset before
    floor=$(echo "${row[floor]}" | awk '{print $1}')
    for run in floor python all-5 rank-1 dossiers-j1 dossiers write; do
        read -r wall cpu peak <<< "${row[$run]}"
        printf '%-7s %-12s %8s %8s %9s %8.2f×\n' "$n" "$run" "$wall" "$cpu" "$peak" "$(awk -v a="$wall" -v b="$floor" 'BEGIN { print (b > 0 ? a / b : 0) }')"
    done
    read -r dw _ _ <<< "${row[dossiers]}"; read -r d1 _ _ <<< "${row[dossiers-j1]}"; read -r py _ _ <<< "${row[python]}"
    read -r a5 _ _ <<< "${row[all-5]}"; read -r wf _ _ <<< "${row[write]}"
    awk -v py="$py" -v a5="$a5" -v d1="$d1" -v dw="$dw" -v wf="$wf" -v f="$floor" -v n="$n" 'BEGIN {
        printf "%s: all five scorecards in one pass: %.2f s per scorecard, %.1f× faster than the Python script per scorecard, %.2f× the floor\n", n, a5 / 5, py / (a5 / 5), a5 / 5 / f
        printf "%s: dossiers %.2f s = %.2f× (floor + disk write %.2f s); second core %.2f×\n", n, dw, dw / (f + wf), f + wf, d1 / dw
    }'
    rm -rf "$out" "$work/write-floor"
done
