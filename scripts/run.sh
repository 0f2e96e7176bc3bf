#!/usr/bin/env bash
# Runs the app (on the eight presets, or on a file given as an argument).
# Installs the libraries a window needs at run time when they are missing:
# winit loads X11/Wayland keyboard handling and wgpu a Vulkan or GL driver
# (Mesa's software ones work without a GPU).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
for pkg in libxkbcommon-x11-0 libvulkan1 mesa-vulkan-drivers libegl1 libgl1-mesa-dri; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if ((${#need[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  echo "installing: ${need[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

exec cargo run --release --locked -- "$@"
