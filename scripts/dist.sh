#!/usr/bin/env bash
# Packs numb for people without Rust (issue 15): builds the release binary, writes the man
# page and the completions with it, and makes under <target>/dist/
#   numb-<version>-<target>.tar.gz   the binary, numb.1, completions, README, CHANGELOG, licences
#   numb_<version>-1_<arch>.deb      made by cargo-deb from [package.metadata.deb] in Cargo.toml
# <target> is Cargo's target folder (CARGO_TARGET_DIR when set). cargo-deb is installed into
# <target>/ci-tools when it is not on PATH. scripts/test_dist.sh checks what this makes.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo_deb_version=3.8.0

# Where Cargo builds (it honours CARGO_TARGET_DIR and .cargo/config), numb's version, and the
# platform the binary is for.
target_dir=$(cargo metadata --no-deps --format-version 1 --locked |
  sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
version=$(cargo pkgid --locked)
version=${version##*[#@]}
triple=$(rustc -vV | sed -n 's/^host: //p')
if [ -z "$target_dir" ] || [ -z "$version" ] || [ -z "$triple" ]; then
  echo "dist.sh: could not read the target folder, version or platform from cargo" >&2
  exit 1
fi

echo "== building numb $version for $triple (release)"
cargo build --release --locked
bin="$target_dir/release/numb"

# The man page and completions, made by the binary just built. cargo-deb reads them from here
# (Cargo.toml names them as target/release/dist-assets/...).
assets="$target_dir/release/dist-assets"
rm -rf "$assets"
mkdir -p "$assets"
"$bin" man >"$assets/numb.1"
gzip -9 -n -c "$assets/numb.1" >"$assets/numb.1.gz"
"$bin" completions bash >"$assets/numb.bash"
"$bin" completions zsh >"$assets/_numb"
"$bin" completions fish >"$assets/numb.fish"
for file in numb.1 numb.bash _numb numb.fish; do
  if [ ! -s "$assets/$file" ]; then
    echo "dist.sh: numb wrote an empty $file" >&2
    exit 1
  fi
done

dist="$target_dir/dist"
rm -rf "$dist"
mkdir -p "$dist"

echo "== tarball"
name="numb-$version-$triple"
stage="$dist/$name"
mkdir -p "$stage/completions"
install -m 755 "$bin" "$stage/numb"
install -m 644 "$assets/numb.1" "$stage/numb.1"
install -m 644 "$assets/numb.bash" "$assets/_numb" "$assets/numb.fish" "$stage/completions/"
install -m 644 README.md CHANGELOG.md LICENSE-MIT LICENSE-APACHE "$stage/"
# The content's licence (CC BY 4.0), beside the code's two.
install -m 644 content/LICENSE "$stage/LICENSE-CONTENT"
# The same bytes from the same commit: sorted names, no owner, the commit's time.
mtime=$(git log -1 --format=%ct 2>/dev/null || date +%s)
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" \
  -C "$dist" -cf - "$name" | gzip -9 -n >"$dist/$name.tar.gz"
rm -rf "$stage"

echo "== .deb (cargo-deb)"
cargo_deb=$(command -v cargo-deb || true)
if [ -z "$cargo_deb" ]; then
  cargo_deb="$target_dir/ci-tools/bin/cargo-deb"
  if [ ! -x "$cargo_deb" ]; then
    cargo install --quiet --locked --root "$target_dir/ci-tools" cargo-deb \
      --version "$cargo_deb_version"
  fi
fi
"$cargo_deb" --version
# --no-build: package the binary built above. --no-strip: the release profile strips it
# already, so the .deb and the tarball carry the same binary.
"$cargo_deb" --no-build --no-strip --output "$dist/"

echo "== made in $dist"
(
  cd "$dist"
  for package in *.tar.gz *.deb; do
    printf '%s  %s bytes\n' "$package" "$(wc -c <"$package")"
  done
  echo
  echo "$name.tar.gz:"
  tar -tzf "$name.tar.gz" | sed 's/^/  /'
  for deb in *.deb; do
    echo "$deb:"
    dpkg-deb -c "$deb" 2>/dev/null | awk '$1 !~ /^d/ { print "  " $NF }' ||
      echo "  (dpkg-deb is not installed: its contents are not listed)"
  done
)
