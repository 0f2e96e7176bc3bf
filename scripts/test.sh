#!/usr/bin/env bash
# The whole test suite, as CI runs it. Installs what the headless UI tests
# need (Mesa's software Vulkan for the snapshot tests, a font for exported
# pictures) when it is missing,
# then checks formatting and lints and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."

# g++ builds libFuzzer for the fuzz target.
scripts/apt-need.sh libvulkan1 mesa-vulkan-drivers fonts-dejavu-core g++
# LibreOffice Impress opens the PowerPoint decks the slides tests write.
scripts/apt-need.sh --no-install-recommends libreoffice-impress

# A fixed renderer for the pixel snapshots, and a private runtime dir.
export WGPU_BACKEND=vulkan
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d)}"
chmod 700 "$XDG_RUNTIME_DIR"

cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
# The core alone, without the GUI, and the fuzz target on it (in the same
# target folder, so the core is built once); then the target run once over
# every invalid fixture and every preset (no fuzzing: a smoke run that the
# loader answers each without a crash).
cargo build --locked --no-default-features --lib
cargo build --locked --manifest-path fuzz/Cargo.toml --target-dir target
target/debug/load tests/fixtures/invalid/*.json assets/presets/*.json 2>&1 | tail -n 4
log=$(mktemp)
status=0
cargo test --locked --all-targets 2>&1 | tee "$log" || status=1
cargo test --locked --doc 2>&1 | tee -a "$log" || status=1

# One closing line over every test binary.
awk '/^test result:/ {
       for (i = 1; i <= NF; i++) {
         if ($(i + 1) ~ /^passed/) p += $i
         if ($(i + 1) ~ /^failed/) f += $i
       }
     }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
