#!/usr/bin/env bash
# The whole test suite, as CI runs it. Installs what the headless UI tests
# need (Mesa's software Vulkan for the snapshot tests, a font for exported
# pictures) when it is missing,
# then checks formatting and lints, runs every test, and builds, installs,
# checks and removes the Debian package.
set -euo pipefail
cd "$(dirname "$0")/.."

# g++ builds libFuzzer for the fuzz target (its build script runs on check too).
# The app bundles its font; LibreOffice (below) needs one of the system's.
scripts/apt-need.sh libvulkan1 mesa-vulkan-drivers fonts-dejavu-core g++
# LibreOffice Impress opens the PowerPoint decks the slides tests write.
scripts/apt-need.sh --no-install-recommends libreoffice-impress
# Readers no one here wrote, from PyPI: python-pptx reads the decks back as
# PowerPoint users' tools do (tests/readers/pptx_read.py), pdfplumber the
# board pack's characters and boxes (tests/readers/pdf_boxes.py).
python3 -c "import pptx, pdfplumber" 2>/dev/null ||
  python3 -m pip install --quiet --disable-pip-version-check \
    python-pptx==1.0.2 pdfplumber==0.11.4

# A fixed renderer for the pixel snapshots, and a private runtime dir.
export WGPU_BACKEND=vulkan
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"

cargo fmt --check
# The lints and the test build in one compile: clippy-driver (what `cargo
# clippy` runs) compiles our own crate's targets, every one of them, with
# clippy's lints as errors, and makes the test binaries as it goes; the
# dependencies are compiled once, by rustc. Same lints as `cargo clippy
# --all-targets -- -D warnings`, without its second build of the
# dependencies (4 of this script's 17 minutes on a fresh clone).
export RUSTC_WORKSPACE_WRAPPER="$(rustc --print sysroot)/bin/clippy-driver"
export CLIPPY_ARGS="-D__CLIPPY_HACKERY__warnings__CLIPPY_HACKERY__"
cargo test --locked --all-targets --no-run
# The core alone, without the GUI, and the fuzz target on it: checked (they
# compile), not built; tests/it/format.rs holds the fuzz target's promise
# over every fixture and preset.
cargo check --locked --manifest-path fuzz/Cargo.toml --target-dir target
log=$(mktemp)
status=0
cargo test --locked --all-targets 2>&1 | tee "$log" || status=1
cargo test --locked --doc 2>&1 | tee -a "$log" || status=1

# The Debian package, made from the test build's binaries, installed,
# used as a desktop would, and removed (scripts/check-package.sh).
if scripts/package.sh --profile dev >"$log.package" 2>&1 && scripts/check-package.sh; then
  echo "package: built, installed, checked and removed"
else
  tail -30 "$log.package"
  echo "package: FAILED"
  status=1
fi

# One closing line over every test binary.
awk '/^test result:/ {
       for (i = 1; i <= NF; i++) {
         if ($(i + 1) ~ /^passed/) p += $i
         if ($(i + 1) ~ /^failed/) f += $i
       }
     }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
