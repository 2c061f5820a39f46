#!/usr/bin/env bash
# Startup benchmark (issue 15): whole processes, side by side in one hyperfine run, medians.
#   numb learn origins                  the page a reader asks for
#   numb --version                      numb's own floor: start, parse arguments, exit
#   tldr --render origins.page.md       tealdeer printing the same text (the page turned into
#                                       tldr's format, every line a description line)
# and the peak memory (max RSS) of numb learn origins. It prints the figures and the ratios
# against the targets; it never fails because a machine is slow.
#
# Usage: bash benches/startup.sh [runs]     (default 500 runs after 50 warm-up runs)
# Needs hyperfine and tealdeer; installs them into the target folder with cargo when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-500}
target=${CARGO_TARGET_DIR:-target}
tools="$target/ci-tools"

cargo build --release --locked --quiet
numb="$target/release/numb"

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
# The same text for tealdeer: the title as a tldr title, every other line as a description.
"$numb" learn origins --color never --width 80 >"$work/origins.txt"
awk 'NR == 1 { print "# " $0; print ""; next } NF { sub(/^ +/, ""); print "> " $0 }' \
  "$work/origins.txt" >"$work/origins.page.md"

"$hyperfine" -N --warmup 50 --runs "$runs" --style basic --export-json "$work/times.json" \
  "$numb learn origins" "$numb --version" "$tldr --render $work/origins.page.md" >&2


python3 - "$work/times.json" "$numb" <<'EOF'
import json, statistics, sys

results = json.load(open(sys.argv[1]))["results"]
median = {r["command"].split()[1]: statistics.median(r["times"]) * 1000 for r in results}
learn, version, tldr = median["learn"], median["--version"], median["--render"]
print(f"numb learn origins   median {learn:.2f} ms")
print(f"numb --version       median {version:.2f} ms")
print(f"tldr (same text)     median {tldr:.2f} ms")
print(f"learn / tealdeer     {learn / tldr:.2f}  (target at most 1.0)")
print(f"learn / --version    {learn / version:.2f}  (target at most 1.3)")
EOF
# Peak memory with GNU time (a Python child would count the interpreter it was forked from).
if [ -x /usr/bin/time ]; then
  kb=$(/usr/bin/time -f %M "$numb" learn origins 2>&1 >/dev/null | tail -1)
  echo "peak memory (learn)  $((kb / 1024)).$(((kb % 1024) * 10 / 1024)) MB  (target at most 6)"
else
  echo "peak memory: skipped, /usr/bin/time (GNU time) is not installed"
fi
echo "binary: $(stat -c %s "$numb") bytes (target at most 4 MB)"
