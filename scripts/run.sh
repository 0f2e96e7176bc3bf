#!/usr/bin/env bash
# Runs the app (on the eight presets, or on a file given as an argument).
# Installs the libraries a window needs at run time when they are missing:
# winit loads X11/Wayland keyboard handling and wgpu a Vulkan or GL driver
# (Mesa's software ones work without a GPU).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/apt-need.sh libxkbcommon-x11-0 libvulkan1 mesa-vulkan-drivers libegl1 libgl1-mesa-dri

exec cargo run --release --locked -- "$@"
