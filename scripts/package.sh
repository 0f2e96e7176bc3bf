#!/usr/bin/env bash
# Builds the Debian package, target/debian/chartroom_VERSION-1_ARCH.deb,
# with cargo-deb (configured in Cargo.toml, [package.metadata.deb]).
#
#   scripts/package.sh               an optimised build: the one to install
#   scripts/package.sh --profile dev the test build's binary, unoptimised:
#                                    what scripts/check-package.sh tries
#
# Install it with: sudo apt install ./target/debian/chartroom_*.deb
set -euo pipefail
cd "$(dirname "$0")/.."
profile=release
if [ "${1:-}" = "--profile" ]; then
  profile="${2:?--profile needs a name: release or dev}"
fi

# dpkg-shlibdeps works out the libraries the binary links to.
scripts/apt-need.sh dpkg-dev
command -v cargo-deb >/dev/null || cargo install --locked --quiet cargo-deb --version 3.8.0

# Both binaries: the app and the one that makes the manual pages,
# completions and icon PNGs from the source. The dev profile builds every
# target, as scripts/test.sh's build does, so that nothing is built again
# with other features (the tests' dependencies add some).
if [ "$profile" = dev ]; then
  cargo build --locked --all-targets
  dir=target/debug
else
  cargo build --locked --profile "$profile" --bins
  dir=target/$profile
fi
rm -rf target/dist
"$dir/chartroom-package-files" target/dist
rm -f target/debian/chartroom_*.deb
# cargo-deb 3.8 warns that it will not package the dev profile one day;
# it is pinned above, and only the package check uses that profile (quickly
# compressed: the binary is unoptimised and large).
fast=()
[ "$profile" = dev ] && fast=(--fast)
cargo deb --locked --no-build --profile "$profile" "${fast[@]}" --output target/debian/
