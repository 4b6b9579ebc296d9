#!/usr/bin/env bash
# Measures `parkscore batch` on N synthetic applications (Benchmarks/generate-applications.py): wall time, CPU time and
# peak memory from /usr/bin/time -v, with and without dossiers, for one scorecard. Benchmarks measure; they assert
# nothing.
#
#   Benchmarks/batch-benchmark.sh [N ...]        (default: 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-dependencies.sh
swift build -c release --product parkscore >&2
bin="$(swift build -c release --show-bin-path)/parkscore"
work="${TMPDIR:-/tmp}/parkscore-bench"
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(1000)
printf '%-8s %-14s %10s %10s %12s\n' "N" "run" "wall s" "cpu s" "peak MiB"
for n in "${sizes[@]}"; do
    apps="$work/apps-$n"
    [ -d "$apps" ] || python3 Benchmarks/generate-applications.py "$n" "$apps" --seed 1 >&2
    for run in dossiers; do
        out="$work/out-$n-$run"
        rm -rf "$out"
        /usr/bin/time -v "$bin" batch "$apps" --scorecard beijing-digital-advertising-park -o "$out" > /dev/null 2> "$work/time.txt" || true
        wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
        cpu=$(awk '/User time|System time/ {s+=$NF} END {print s}' "$work/time.txt")
        peak=$(awk '/Maximum resident set size/ {printf "%.0f", $NF/1024}' "$work/time.txt")
        printf '%-8s %-14s %10s %10s %12s\n' "$n" "$run" "$wall" "$cpu" "$peak"
    done
done
