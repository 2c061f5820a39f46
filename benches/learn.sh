#!/usr/bin/env bash
# Benchmark: `numb learn origins` piped to a file, against `cat` of the same text.
# Target: a few milliseconds, about what cat costs, and under 10 MB of peak memory.
#
#   bash benches/learn.sh            # builds release, needs hyperfine and GNU time
#
# hyperfine and GNU time come from Debian (`apt-get install hyperfine time`).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "benches/learn.sh needs $tool (apt-get install hyperfine time)" >&2; exit 1; }
done

cargo build --release --locked --quiet
bin=target/release/numb
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
NO_COLOR=1 "$bin" learn origins > "$work/origins.txt"
echo "page: $(wc -c < "$work/origins.txt") bytes, $(wc -l < "$work/origins.txt") lines"

hyperfine --warmup 20 --runs 300 -N \
  --export-markdown "$work/times.md" \
  --command-name "numb learn origins > file" "sh -c '$bin learn origins > $work/out.txt'" \
  --command-name "cat origins.txt > file" "sh -c 'cat $work/origins.txt > $work/out.txt'"
cat "$work/times.md"

rss() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; }
echo
echo "peak memory (max RSS, KiB): numb learn origins = $(rss "$bin" learn origins), cat = $(rss cat "$work/origins.txt")"
echo "peak memory (max RSS, KiB): numb export --format markdown = $(rss "$bin" export --format markdown)"
