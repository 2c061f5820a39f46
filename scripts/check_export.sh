#!/usr/bin/env bash
# Checks that numb's Markdown output is clean: markdownlint's rules (via pymarkdown) pass on
# the one-document export and on the per-topic files, and mdBook builds the files as a book
# without a warning.
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
"$numb" export --format markdown --out "$work/book/src"
"$numb" reflect --answers 4,4,3,2,-,1,0,0,4,3,2,1 --format markdown > "$work/summary.md"
"$numb" reflect reconnection-plan --answers 1,0,1,0,0,0,0,0,0,1 --format markdown > "$work/plan.md"

echo "-- markdownlint rules (pymarkdown)"
"$pymarkdown" scan "$work/numb.md" "$work"/book/src/*.md "$work/summary.md" "$work/plan.md"
echo "ok: $(ls "$work"/book/src/*.md | wc -l) files, the single document and two reflection summaries"

echo "-- mdBook build"
printf '[book]\ntitle = "numb"\nlanguage = "en"\n' > "$work/book/book.toml"
{
  echo "# Summary"
  echo
  echo "[numb](README.md)"
  echo
  for file in "$work"/book/src/*.md; do
    name=$(basename "$file")
    [ "$name" = README.md ] && continue
    echo "- [$(head -1 "$file" | sed 's/^# //')]($name)"
  done
} > "$work/book/src/SUMMARY.md"
log=$("$mdbook" build "$work/book" 2>&1) || { echo "$log"; exit 1; }
if grep -E 'WARN|ERROR' <<<"$log"; then
  echo "mdBook warned about the export" >&2
  exit 1
fi
echo "ok: $(ls "$work"/book/book/*.html | wc -l) HTML pages"
