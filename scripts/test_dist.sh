#!/usr/bin/env bash
# The package test (issue 15): unpacks what scripts/dist.sh made (the tarball with tar, the
# .deb with dpkg-deb -x), checks that each holds exactly the files it should, runs the
# unpacked numb, renders the man page with man -l, and reads the .deb's control fields.
# Run it after dist.sh; CI runs both. Needs tar, gzip, dpkg-deb, and man (man-db), groff or
# mandoc to render the man page. Exits 1 after listing every check that failed.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

target_dir=$(cargo metadata --no-deps --format-version 1 --locked |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
version=$(cargo pkgid --locked)
version=${version##*[#@]}
triple=$(rustc -vV | sed -n 's/^host: //p')
for tool in tar gzip dpkg dpkg-deb; do
  if ! command -v "$tool" >/dev/null; then
    echo "test_dist.sh: $tool is needed for the package test" >&2
    exit 1
  fi
done
arch=$(dpkg --print-architecture)

dist="$target_dir/dist"
top="numb-$version-$triple"
tarball="$dist/$top.tar.gz"
deb="$dist/numb_${version}-1_${arch}.deb"
for package in "$tarball" "$deb"; do
  if [ ! -f "$package" ]; then
    echo "test_dist.sh: $package is missing; run bash scripts/dist.sh first" >&2
    exit 1
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failures=0
ok() { echo "ok: $*"; }
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
# Compares a listing with what it should be; shows what is missing (-) and surprising (+).
same_list() {
  local what=$1 expected=$2 actual=$3
  if diff -u --label expected --label "$what" "$expected" "$actual" >"$tmp/diff"; then
    ok "$what holds exactly the expected files"
  else
    fail "$what does not hold the expected files (- missing, + surprising):"
    sed 's/^/    /' "$tmp/diff" >&2
  fi
}

# A run of an unpacked numb, in an empty home with nothing of the caller's settings.
check_numb() {
  local label=$1 bin=$2
  mkdir -p "$tmp/home"
  if [ ! -x "$bin" ]; then
    fail "$label: $bin is missing or not executable"
    return
  fi
  if env -i HOME="$tmp/home" PATH=/usr/bin:/bin LANG=C.UTF-8 "$bin" --version >"$tmp/out" 2>&1 &&
    [ "$(cat "$tmp/out")" = "numb $version" ]; then
    ok "$label: numb --version prints numb $version"
  else
    fail "$label: numb --version printed: $(cat "$tmp/out")"
  fi
  local status=0
  env -i HOME="$tmp/home" PATH=/usr/bin:/bin LANG=C.UTF-8 \
    "$bin" learn origins >"$tmp/out" 2>"$tmp/err" || status=$?
  if [ "$status" -ne 0 ]; then
    fail "$label: numb learn origins exited $status: $(head -3 "$tmp/err")"
  elif ! grep -q '^Where numbness comes from$' "$tmp/out"; then
    fail "$label: numb learn origins did not print its title, 'Where numbness comes from'"
  elif ! grep -q 'numb support' "$tmp/out"; then
    fail "$label: numb learn origins did not end with its pointer to numb support"
  elif [ -s "$tmp/err" ]; then
    fail "$label: numb learn origins wrote to stderr: $(head -3 "$tmp/err")"
  else
    ok "$label: numb learn origins exits 0 and prints the page ($(wc -l <"$tmp/out") lines)"
  fi
  # Issue 15: the release binary is at most 4 MB, all content built in.
  local size
  size=$(wc -c <"$bin")
  if [ "$size" -le 4000000 ]; then
    ok "$label: numb is $size bytes (at most 4 MB)"
  else
    fail "$label: numb is $size bytes, over 4 MB (4,000,000)"
  fi
  # build.rs links GCC's unwinder in on Linux with glibc: numb then loads only the C library
  # at start, not libgcc_s too (issue 15: loading it was 0.1 to 0.3 ms of a start).
  if [[ "$triple" != *-linux-gnu* ]]; then
    return
  elif ! command -v readelf >/dev/null; then
    echo "note: readelf is not installed here; the libraries $label's numb loads were not checked"
    return
  fi
  local needed
  needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
  if [ "$needed" = "libc.so.6 " ]; then
    ok "$label: numb loads only the C library (libc.so.6)"
  else
    fail "$label: numb loads $needed(only libc.so.6 expected; see build.rs)"
  fi
}

# Renders a man page as a reader would; any warning from the formatter fails.
check_man() {
  local label=$1 page=$2 how status=0
  # (Read whole, not piped into grep -q: with pipefail, an early exit would fail the pipe.)
  if [[ "$(man --help 2>&1 || true)" == *--local-file* ]]; then
    how="man -l"
    MANPAGER=cat MANWIDTH=80 man --warnings -l "$page" >"$tmp/man" 2>"$tmp/err" || status=$?
  elif command -v groff >/dev/null; then
    how="groff -man (no man with -l here)"
    gzip -dcf "$page" | groff -k -man -Tutf8 -ww >"$tmp/man" 2>"$tmp/err" || status=$?
  elif command -v mandoc >/dev/null; then
    how="mandoc (no man with -l here)"
    gzip -dcf "$page" | mandoc -Tutf8 -Wwarning >"$tmp/man" 2>"$tmp/err" || status=$?
  else
    fail "$label: nothing here renders a man page (install man-db, groff or mandoc)"
    return
  fi
  if [ "$status" -ne 0 ] || [ -s "$tmp/err" ]; then
    fail "$label: $how failed (exit $status): $(head -3 "$tmp/err")"
    return
  fi
  # Rendered headings and words: formatting may put backspaces in, so strip them first.
  sed 's/.\x08//g' "$tmp/man" >"$tmp/man.txt"
  local missing=""
  for heading in NAME SYNOPSIS OPTIONS COMMANDS "EXIT STATUS" ENVIRONMENT FILES PRIVACY; do
    grep -q "^$heading\$" "$tmp/man.txt" || missing="$missing [$heading]"
  done
  grep -q "numb learn" "$tmp/man.txt" || missing="$missing [numb learn]"
  if [ -n "$missing" ]; then
    fail "$label: the rendered man page lacks$missing"
  else
    ok "$label: $how renders it without a warning ($(wc -l <"$tmp/man.txt") lines, every section)"
  fi
}

echo "== $tarball"
cat >"$tmp/tar.expected" <<EOF
$top/
$top/CHANGELOG.md
$top/LICENSE-APACHE
$top/LICENSE-CONTENT
$top/LICENSE-MIT
$top/README.md
$top/completions/
$top/completions/_numb
$top/completions/numb.bash
$top/completions/numb.fish
$top/numb
$top/numb.1
EOF
tar -tzf "$tarball" | sort >"$tmp/tar.list"
same_list "the tarball" "$tmp/tar.expected" "$tmp/tar.list"
owners=$(tar --numeric-owner -tvzf "$tarball" | awk '{ print $2 }' | sort -u | tr '\n' ' ')
if [ "$owners" = "0/0 " ]; then
  ok "the tarball's files belong to 0/0, not to whoever built it"
else
  fail "the tarball's files belong to: $owners"
fi
mkdir "$tmp/tar"
tar -xzf "$tarball" -C "$tmp/tar"
root="$tmp/tar/$top"
for pair in README.md:README.md CHANGELOG.md:CHANGELOG.md LICENSE-MIT:LICENSE-MIT \
  LICENSE-APACHE:LICENSE-APACHE LICENSE-CONTENT:content/LICENSE; do
  if cmp -s "$root/${pair%%:*}" "$repo/${pair#*:}"; then
    ok "the tarball's ${pair%%:*} is the repository's ${pair#*:}"
  else
    fail "the tarball's ${pair%%:*} is missing or differs from ${pair#*:}"
  fi
done
check_numb "the tarball" "$root/numb"
check_man "the tarball's numb.1" "$root/numb.1"
if bash -n "$root/completions/numb.bash" &&
  bash -c 'source "$1" && complete -p numb' _ "$root/completions/numb.bash" >/dev/null; then
  ok "the bash completion loads and completes numb"
else
  fail "the bash completion does not load in bash"
fi
for shell in zsh fish; do
  file=$root/completions/_numb
  [ "$shell" = fish ] && file=$root/completions/numb.fish
  if ! command -v "$shell" >/dev/null; then
    echo "note: $shell is not installed here; its completion's syntax was not checked"
  elif "$shell" -n "$file"; then
    ok "the $shell completion parses in $shell"
  else
    fail "the $shell completion does not parse in $shell"
  fi
done

echo "== $deb"
field() { dpkg-deb --field "$deb" "$1"; }
for pair in "Package:numb" "Version:$version-1" "Architecture:$arch"; do
  name=${pair%%:*}
  expected=${pair#*:}
  actual=$(field "$name")
  if [ "$actual" = "$expected" ]; then
    ok "control: $name is $expected"
  else
    fail "control: $name is '$actual', not '$expected'"
  fi
done
synopsis=$(field Description)
synopsis=${synopsis%%$'\n'*}
if [ -n "$synopsis" ] && [ "${#synopsis}" -le 80 ] && [ -n "$(field Maintainer)" ]; then
  ok "control: a one-line synopsis ($synopsis) and a maintainer"
else
  fail "control: the synopsis is empty or over 80 characters, or the maintainer is missing"
fi
echo "   (Depends: $(field Depends))"
cat >"$tmp/deb.expected" <<EOF
./usr/bin/numb
./usr/share/bash-completion/completions/numb
./usr/share/doc/numb/copyright
./usr/share/fish/vendor_completions.d/numb.fish
./usr/share/man/man1/numb.1.gz
./usr/share/zsh/vendor-completions/_numb
EOF
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $NF }' | sort >"$tmp/deb.list"
same_list "the .deb" "$tmp/deb.expected" "$tmp/deb.list"
modes=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $1, $2, $NF }' | sort -k3)
# Owned by root, whether the archive names it (root/root) or numbers it (0/0).
modes=${modes// 0\/0 / root/root }
if [ "$(grep -c '^-rwxr-xr-x root/root ./usr/bin/numb$' <<<"$modes")" = 1 ] &&
  [ "$(grep -vc '^-rw-r--r-- root/root ' <<<"$modes")" = 1 ]; then
  ok "the .deb's files belong to root: numb 0755, the others 0644"
else
  fail "the .deb's owners or modes are not as expected:"
  printf '    %s\n' "${modes//$'\n'/$'\n'    }" >&2
fi
mkdir "$tmp/deb"
dpkg-deb -x "$deb" "$tmp/deb"
usr="$tmp/deb/usr"
check_numb "the .deb" "$usr/bin/numb"
if cmp -s "$usr/bin/numb" "$root/numb"; then
  ok "the .deb and the tarball carry the same binary"
else
  fail "the .deb's numb differs from the tarball's"
fi
if gzip -dc "$usr/share/man/man1/numb.1.gz" 2>/dev/null | cmp -s - "$root/numb.1"; then
  ok "the .deb's numb.1.gz is the tarball's numb.1, compressed"
else
  fail "the .deb's numb.1.gz is missing, not gzip, or differs from the tarball's numb.1"
fi
check_man "the .deb's numb.1.gz" "$usr/share/man/man1/numb.1.gz"
for pair in bash-completion/completions/numb:numb.bash zsh/vendor-completions/_numb:_numb \
  fish/vendor_completions.d/numb.fish:numb.fish; do
  if cmp -s "$usr/share/${pair%%:*}" "$root/completions/${pair#*:}"; then
    ok "the .deb's ${pair%%:*} is the tarball's completions/${pair#*:}"
  else
    fail "the .deb's ${pair%%:*} is missing or differs from completions/${pair#*:}"
  fi
done
copyright="$usr/share/doc/numb/copyright"
missing=""
for line in "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/" \
  "Files: *" "License: MIT or Apache-2.0" "Files: content/*" "License: CC-BY-4.0" \
  "License: MIT" "License: Apache-2.0"; do
  grep -qxF "$line" "$copyright" 2>/dev/null || missing="$missing [$line]"
done
if [ -z "$missing" ]; then
  ok "copyright: machine-readable, code MIT or Apache-2.0, content CC-BY-4.0, each licence's text"
else
  fail "copyright: missing lines:$missing"
fi

echo
if [ "$failures" -ne 0 ]; then
  echo "package test: $failures check(s) failed" >&2
  exit 1
fi
echo "package test: every check passed"
