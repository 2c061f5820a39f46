#!/usr/bin/env bash
# Checks that numb's Markdown output is clean: markdownlint's rules (via pymarkdown) pass on
# the one-document export, the per-topic files, the mdBook export (built-in content plus the
# example pack), two reflection summaries and a history report; and mdBook builds the book,
# and a book of the report, without a warning.
#
#   bash scripts/check_export.sh PYMARKDOWN MDBOOK
set -euo pipefail
cd "$(dirname "$0")/.."
pymarkdown=${1:?usage: check_export.sh PYMARKDOWN MDBOOK}
mdbook=${2:?usage: check_export.sh PYMARKDOWN MDBOOK}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
numb=target/debug/numb
cargo build --quiet --locked
"$numb" export --format markdown > "$work/numb.md"
"$numb" export --format markdown --out "$work/files"
"$numb" --content-dir examples/custom-pack export --format mdbook --out "$work/book"
"$numb" reflect --answers 4,4,3,2,-,1,0,0,4,3,2,1 --format markdown > "$work/summary.md"
"$numb" reflect reconnection-plan --answers 1,0,1,0,0,0,0,0,0,1 --format markdown > "$work/plan.md"
# A history report, from the test fixture's saved reflections.
mkdir -p "$work/home/numb" "$work/report/src"
cp tests/fixtures/history/history.jsonl "$work/home/numb/"
chmod 700 "$work/home/numb" && chmod 600 "$work/home/numb/history.jsonl"
XDG_DATA_HOME="$work/home" TZ=UTC "$numb" history report -q check-in --out "$work/report/src/report.md"
printf '# Summary\n\n- [My saved reflections](report.md)\n' > "$work/report/src/SUMMARY.md"
printf '[book]\ntitle = "Report"\n' > "$work/report/book.toml"

echo "-- markdownlint rules (pymarkdown)"
pages=("$work"/files/*.md "$work"/files/practices/*.md "$work"/book/src/*.md "$work"/book/src/*/*.md)
chapters=()
for page in "${pages[@]}"; do
  [ "$(basename "$page")" = SUMMARY.md ] || chapters+=("$page")
done
"$pymarkdown" scan "$work/numb.md" "$work/summary.md" "$work/plan.md" "$work/report/src/report.md" "${chapters[@]}"
# mdBook's SUMMARY.md uses a top-level heading per part of the book, by design (MD025).
"$pymarkdown" --disable-rules md025 scan "$work/book/src/SUMMARY.md"
echo "ok: ${#pages[@]} files, the single document, two reflection summaries and a history report"

echo "-- mdBook build"
log=$("$mdbook" build "$work/book" 2>&1) || { echo "$log"; exit 1; }
if grep -E 'WARN|ERROR' <<<"$log"; then
  echo "mdBook warned about the export" >&2
  exit 1
fi
echo "ok: $(find "$work/book/book" -name '*.html' | wc -l) HTML pages"
log=$("$mdbook" build "$work/report" 2>&1) || { echo "$log"; exit 1; }
if grep -E 'WARN|ERROR' <<<"$log"; then
  echo "mdBook warned about the history report" >&2
  exit 1
fi
echo "ok: the history report builds as a book"
