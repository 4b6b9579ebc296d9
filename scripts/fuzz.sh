#!/usr/bin/env bash
# Fuzzes parkscore's Swift layers with libFuzzer (AddressSanitizer on): the YAML reader, the expression parser and
# evaluator, self-report loading + scoring against every built-in scorecard + rendering, review loading and the stage
# rules, and template parsing. Seeds come from Samples/, Criteria/ and Templates/. Every crash found is saved in
# out/fuzz/<target>/crashes/ and must become a regression test.
#
#   scripts/fuzz.sh [seconds-per-target] [targets…]      (default: 120 s each, all five targets)
#
# Leak detection is off: LeakSanitizer reports the criteria read once and kept for the whole run (Swift stores
# pointers to indirect enum payloads with spare bits it cannot see through) as leaks.
#
# It prints, per target, the executions run and whether anything crashed; exit 1 when something did.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-dependencies.sh
seconds="${1:-120}"; shift || true
targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(yaml expression report review template)
export PARKSCORE_FUZZ=1
swift build -c release --scratch-path .build-fuzz --product ParkScoreFuzz -Xswiftc -sanitize=fuzzer,address >&2
bin="$(swift build -c release --scratch-path .build-fuzz --show-bin-path)/ParkScoreFuzz"
status=0
for target in "${targets[@]}"; do
    dir="out/fuzz/$target"
    mkdir -p "$dir/corpus" "$dir/crashes"
    case "$target" in
        yaml|report) cp -n Samples/*/self-report.yaml Samples/broken/*/self-report.yaml "$dir/corpus/" 2>/dev/null || true
                     for f in Criteria/*.yaml; do cp -n "$f" "$dir/corpus/criteria-$(basename "$f")"; done ;;
        review) for f in Samples/*/reviews/*.yaml; do cp -n "$f" "$dir/corpus/$(basename "$(dirname "$(dirname "$f")")")-$(basename "$f")"; done ;;
        expression) grep -ho 'when: .*\|value: .*\|cap: .*' Criteria/*.yaml | sed 's/^[a-z]*: //' | sort -u | split -l 1 - "$dir/corpus/expr-" ;;
        template) cp -n Templates/*.mustache "$dir/corpus/" ;;
    esac
    # Inputs no longer than a real one of their kind: an expression is at most 4,000 characters, a report 64 KB here.
    case "$target" in
        expression) max_len=4096 ;;
        template) max_len=16384 ;;
        *) max_len=65536 ;;
    esac
    log="$dir/log.txt"
    set +e
    ASAN_OPTIONS=detect_leaks=0 PARKSCORE_FUZZ_TARGET="$target" "$bin" "$dir/corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$max_len" -detect_leaks=0 -artifact_prefix="$dir/crashes/" -print_final_stats=1 > "$log" 2>&1
    code=$?
    set -e
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)"
    if [ "$code" -ne 0 ]; then
        status=1
        echo "$target: $runs executions, FOUND A CRASH (see $log and $dir/crashes/)"
    else
        echo "$target: $runs executions, no crash"
    fi
done
exit $status
