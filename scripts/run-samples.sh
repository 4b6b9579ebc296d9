#!/usr/bin/env bash
# Installs what is missing (libyaml-dev, pkg-config), builds parkscore, checks every scorecard, and
# scores every sample park in Samples/ and writes its dossiers (out/samples/: text, and HTML, Markdown and
# JSON dossiers in Chinese and English); a sample with reviews/ is evaluated too (out/samples/evaluation/).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-dependencies.sh
swift build --product parkscore
bin="$(swift build --show-bin-path)/parkscore"

"$bin" lint
mkdir -p out/samples
status=0
for report in Samples/*/self-report.yaml; do
    name="$(basename "$(dirname "$report")")"
    if "$bin" score "$report" > "out/samples/$name.zh.txt" &&
       "$bin" score "$report" --lang en > "out/samples/$name.en.txt" &&
       "$bin" score "$report" --format json > "out/samples/$name.json" &&
       "$bin" dossier "$report" --lang zh -o out/samples &&
       "$bin" dossier "$report" --lang en -o out/samples &&
       "$bin" convert "$report" -o "out/samples/$name.申报表.xlsx" --force; then
        printf '%-28s %s\n' "$name" "$(sed -n 5,6p "out/samples/$name.zh.txt" | tr '\n' ' ')"
        # With reviews, the evaluation too: its text, and the 评审意见书 in every format.
        if [ -d "Samples/$name/reviews" ]; then
            mkdir -p "out/samples/evaluation"
            "$bin" score "$report" --reviews "Samples/$name/reviews" > "out/samples/evaluation/$name.zh.txt"
            "$bin" dossier "$report" --reviews "Samples/$name/reviews" --lang zh -o out/samples/evaluation
            "$bin" dossier "$report" --reviews "Samples/$name/reviews" --lang en -o out/samples/evaluation
            # The panel's office files: the Word 评审意见书 and the Excel 评分表 to sign.
            "$bin" dossier "$report" --reviews "Samples/$name/reviews" --format docx -o out/samples/evaluation
            "$bin" dossier "$report" --reviews "Samples/$name/reviews" --format xlsx -o out/samples/evaluation
            printf '%-28s %s\n' "  (evaluation)" "$(grep -m2 -E '^(结论|总分)' "out/samples/evaluation/$name.zh.txt" | tr '\n' ' ')"
        fi
    else
        echo "$name: not scored (see the errors above)"
        rm -f "out/samples/$name".*
        status=1
    fi
done
# The blank Excel 申报表 of each scorecard, for a park to fill in.
for file in Criteria/*.yaml; do
    card="$(basename "$file" .yaml)"
    [ "$card" = facts ] && continue
    "$bin" template "$card" -o "out/samples/$card.申报表.xlsx" --force
done
echo "results: out/samples/"
exit $status
