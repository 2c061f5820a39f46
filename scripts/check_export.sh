#!/usr/bin/env bash
# Checks that numb's Markdown output is clean: markdownlint's rules (via pymarkdown) pass on
# the one-document export, the per-topic files, the mdBook export (built-in content plus the
# example pack) and two reflection summaries; and mdBook builds the book without a warning.
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

echo "-- markdownlint rules (pymarkdown)"
pages=("$work"/files/*.md "$work"/book/src/*.md "$work"/book/src/*/*.md)
chapters=()
for page in "${pages[@]}"; do
  [ "$(basename "$page")" = SUMMARY.md ] || chapters+=("$page")
done
"$pymarkdown" scan "$work/numb.md" "$work/summary.md" "$work/plan.md" "${chapters[@]}"
# mdBook's SUMMARY.md uses a top-level heading per part of the book, by design (MD025).
"$pymarkdown" --disable-rules md025 scan "$work/book/src/SUMMARY.md"
echo "ok: ${#pages[@]} files, the single document and two reflection summaries"

echo "-- mdBook build"
log=$("$mdbook" build "$work/book" 2>&1) || { echo "$log"; exit 1; }
if grep -E 'WARN|ERROR' <<<"$log"; then
  echo "mdBook warned about the export" >&2
  exit 1
fi
echo "ok: $(find "$work/book/book" -name '*.html' | wc -l) HTML pages"
