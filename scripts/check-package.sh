#!/usr/bin/env bash
# Installs the package scripts/package.sh made, checks it as a desktop
# would use it, then removes it so the machine is as it was:
# - the installed binary answers --version (with the commit) and `check`;
# - the desktop entry passes desktop-file-validate;
# - a file Chartroom writes is recognised as application/x-chartroom+json
#   by xdg-mime, by its .chartroom name and, named otherwise, by content;
# - every manual page renders with man -l, and says the exit codes;
# - the icons are in the hicolor theme, the completions load in bash.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/debian/chartroom_*.deb)
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"

# What the package depends on, and what the checks use.
mapfile -t depends < <(dpkg-deb -f "$deb" Depends | tr ',' '\n' |
  sed -E 's/\(.*\)//; s/^ +//; s/ +$//' | grep -v '^$')
scripts/apt-need.sh "${depends[@]}" desktop-file-utils shared-mime-info \
  xdg-utils libfile-mimeinfo-perl man-db bash-completion

fail() { echo "package check: $*" >&2; exit 1; }
$sudo_cmd dpkg -i "$deb" >/dev/null
trap '$sudo_cmd dpkg --purge chartroom >/dev/null' EXIT

bin=/usr/bin/chartroom
version=$("$bin" --version)
grep -Eq '^chartroom [0-9.]+ \(([0-9a-f]{12}|unknown commit)\)$' <<<"$version" ||
  fail "--version says: $version"
report=$("$bin" check preset:peers) || fail "check preset:peers: $report"
grep -q "leaders" <<<"$report" || fail "check preset:peers says: $report"

# Errors fail it; hints and warnings are counted as failures too.
said=$(desktop-file-validate /usr/share/applications/chartroom.desktop 2>&1) && [ -z "$said" ] ||
  fail "desktop-file-validate: $said"

work=$(mktemp -d)
printf 'Employee ID,Name,Job Title,Manager ID\n1,Ada Lovelace,CIO,\n2,Alan Turing,VP Applications,1\n' \
  >"$work/people.csv"
"$bin" import "$work/people.csv" --output "$work/org.chartroom" >/dev/null
cp "$work/org.chartroom" "$work/org-no-extension"
: >"$work/empty.chartroom"
# By content and name; by content alone; by name alone.
for file in "$work/org.chartroom" "$work/org-no-extension" "$work/empty.chartroom"; do
  type=$(XDG_CURRENT_DESKTOP= xdg-mime query filetype "$file")
  [ "$type" = application/x-chartroom+json ] || fail "xdg-mime says $type for $file"
done
echo '{"some": "json"}' >"$work/other.json"
type=$(XDG_CURRENT_DESKTOP= xdg-mime query filetype "$work/other.json")
[ "$type" = application/json ] || fail "xdg-mime says $type for other JSON"

# The pages as installed (unpacked again: a slim image may skip /usr/share/man).
dpkg-deb -x "$deb" "$work/unpacked"
pages=("$work"/unpacked/usr/share/man/man1/*.1.gz)
[ "${#pages[@]}" -ge 6 ] || fail "only ${#pages[@]} manual pages"
for page in "${pages[@]}"; do
  text=$(MANWIDTH=80 man -l "$page" 2>&1) || fail "man -l $page: $text"
  grep -q 'EXIT STATUS' <<<"$text" || fail "$page has no EXIT STATUS"
done
MANWIDTH=80 man -l "$work/unpacked/usr/share/man/man1/chartroom.1.gz" |
  grep -q 'chartroom-export(1)' || fail "chartroom(1) does not list the commands"

for size in 16 32 48 256; do
  [ -s "/usr/share/icons/hicolor/${size}x${size}/apps/chartroom.png" ] || fail "no ${size}px icon"
done
bash -c 'source /usr/share/bash-completion/completions/chartroom && complete -p chartroom' >/dev/null ||
  fail "the bash completion does not load"
rm -rf "$work"
echo "package check: installed, used and removed $(basename "$deb")"
