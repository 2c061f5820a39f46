#!/usr/bin/env bash
# Startup benchmark (issue 15): whole processes, side by side in one hyperfine run, medians.
#   numb learn origins                  the page a reader asks for
#   numb --version                      numb's own floor: start, parse arguments, exit
#   tldr --render origins.page.md       tealdeer printing the same text (the page turned into
#                                       tldr's format, every line a description line)
# and the peak memory (max RSS) of numb learn origins. It prints the figures and the ratios
# against the targets; it never fails because a machine is slow.
#
# The runs are taken in rounds (default 40 rounds of 50 runs, after 50 warm-up runs), the three
# commands in a new order each round, and the ratios are the medians of each round's ratios:
# a machine that gets slower or faster during the benchmark (a shared host does) then moves
# all three alike instead of whichever command hyperfine happened to time last.
#
# Usage: bash benches/startup.sh [runs per round] [rounds]     (default 50 40)
# Needs hyperfine and tealdeer; installs them into the target folder with cargo when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-50}
rounds=${2:-40}
target=${CARGO_TARGET_DIR:-target}
tools="$target/ci-tools"

# NUMB_BENCH_BIN times another build (an older one, to compare) instead of building this one.
if [ -n "${NUMB_BENCH_BIN:-}" ]; then
  numb=$NUMB_BENCH_BIN
else
  cargo build --release --locked --quiet
  numb="$target/release/numb"
fi

find_or_install() { # command crate version [cargo install args...]
  local cmd=$1 crate=$2 version=$3
  shift 3
  if command -v "$cmd" >/dev/null; then
    command -v "$cmd"
  elif [ -x "$tools/bin/$cmd" ]; then
    echo "$tools/bin/$cmd"
  else
    echo "installing $crate $version into $tools (once)" >&2
    cargo install --quiet --root "$tools" "$crate" --version "$version" "$@" >&2
    echo "$tools/bin/$cmd"
  fi
}
hyperfine=$(find_or_install hyperfine hyperfine 1.20.0 --locked)
# tealdeer's own lock file names a webpki-roots that some registries lack: resolve afresh.
tldr=$(find_or_install tldr tealdeer 1.9.1 --no-default-features --features rustls-with-native-roots)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Both programs are copied into the benchmark's own folder, so both are read from files
# written the same way: here a binary as the linker (or cargo install) wrote it ran 10 to 13%
# slower than a fresh copy of the same file, numb and tealdeer alike.
cp "$numb" "$work/numb"
cp "$tldr" "$work/tldr"
numb_built=$numb
numb=$work/numb
tldr=$work/tldr
# The same text for tealdeer: the title as a tldr title, every other line as a description.
"$numb" learn origins --color never --width 80 >"$work/origins.txt"
awk 'NR == 1 { print "# " $0; print ""; next } NF { sub(/^ +/, ""); print "> " $0 }' \
  "$work/origins.txt" >"$work/origins.page.md"

commands=("$numb learn origins" "$numb --version" "$tldr --render $work/origins.page.md")
"$hyperfine" -N --warmup 50 --runs 10 --style none "${commands[@]}" >/dev/null 2>&1
for round in $(seq 1 "$rounds"); do
  # Rotate the order: round 1 learn, --version, tldr; round 2 --version, tldr, learn; ...
  shift_by=$(((round - 1) % 3))
  ordered=("${commands[@]:shift_by}" "${commands[@]:0:shift_by}")
  "$hyperfine" -N --warmup 5 --runs "$runs" --style none \
    --export-json "$work/round-$round.json" "${ordered[@]}" >/dev/null 2>&1
done

python3 - "$work" "$rounds" <<'EOF'
import json, statistics, sys

work, rounds = sys.argv[1], int(sys.argv[2])
times = {"learn": [], "--version": [], "--render": []}
by_round = []
for r in range(1, rounds + 1):
    medians = {}
    for result in json.load(open(f"{work}/round-{r}.json"))["results"]:
        name = result["command"].split()[1]
        times[name] += result["times"]
        medians[name] = statistics.median(result["times"])
    by_round.append(medians)
median = {k: statistics.median(v) * 1000 for k, v in times.items()}
learn, version, tldr = median["learn"], median["--version"], median["--render"]
per_tldr = [m["learn"] / m["--render"] for m in by_round]
per_version = [m["learn"] / m["--version"] for m in by_round]
n = len(times["learn"])
print(f"numb learn origins   median {learn:.2f} ms  ({n} runs in {rounds} rounds)")
print(f"numb --version       median {version:.2f} ms")
print(f"tldr (same text)     median {tldr:.2f} ms")
print(f"learn / tealdeer     {statistics.median(per_tldr):.2f}  (target at most 1.0; rounds "
      f"{min(per_tldr):.2f} to {max(per_tldr):.2f})")
print(f"learn / --version    {statistics.median(per_version):.2f}  (target at most 1.3; rounds "
      f"{min(per_version):.2f} to {max(per_version):.2f})")
EOF
# Peak memory with GNU time (a Python child would count the interpreter it was forked from).
if [ -x /usr/bin/time ]; then
  kb=$(/usr/bin/time -f %M "$numb" learn origins 2>&1 >/dev/null | tail -1)
  echo "peak memory (learn)  $((kb / 1024)).$(((kb % 1024) * 10 / 1024)) MB  (target at most 6)"
else
  echo "peak memory: skipped, /usr/bin/time (GNU time) is not installed"
fi
echo "binary: $(stat -c %s "$numb_built") bytes (target at most 4 MB)"
