#!/usr/bin/env bash
# Instructions per self-report for each phase of the benchmark, counted by callgrind (repeatable on a
# busy machine): libyaml's event loop, parkscore's YAML layer, and parse + validate + score.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200}"
swift build -c release --product ParkScoreBenchmarks >/dev/null
# valgrind 3.19 cannot read the debug info of this binary: count on a stripped copy.
bin="$(mktemp -d)/ParkScoreBenchmarks"
strip -o "$bin" "$(swift build -c release --show-bin-path)/ParkScoreBenchmarks"
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" --only "$2" 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
base=$(count 0 none)
files=$(ls Samples/*/self-report.yaml | wc -l)
for phase in libyaml layer full; do
    total=$(count "$n" "$phase")
    echo "$phase: $(( (total - base) / n / files )) instructions per self-report"
done
