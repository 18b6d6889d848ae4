#!/usr/bin/env bash
# Checks a built Linux app image: it starts headless, prints its version, and finds its bundled model.
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=target/installer/dist/GenreLens/bin/GenreLens
test -x "$launcher" || { echo "no app image at $launcher; run installer/build.sh app-image first" >&2; exit 1; }
version_line="$(env -u DISPLAY -u WAYLAND_DISPLAY "$launcher" --version)"
echo "$version_line"
[[ "$version_line" =~ ^GenreLens\ [0-9] ]] || { echo "unexpected version output: $version_line" >&2; exit 1; }
info="$(env -u DISPLAY -u WAYLAND_DISPLAY "$launcher" info)"
grep -q "genre-cnn" <<<"$info" || { echo "the app image does not find its bundled model:" >&2; echo "$info" >&2; exit 1; }
echo "app image OK: starts headless, prints its version, finds the bundled model"
