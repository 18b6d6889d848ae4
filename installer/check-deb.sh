#!/usr/bin/env bash
# Checks a built .deb the way a user meets it: `apt install ./genrelens_*.deb` (root; also where there is no
# desktop menu), then `genrelens --version`, `genrelens classify` and a one-epoch `genrelens train` (the bundled
# PyTorch natives) through the command on the PATH, then removal. Needs ffmpeg to generate the test tones.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
debs=(target/installer/dist/genrelens_*.deb)
(( ${#debs[@]} == 1 )) || { echo "expected one .deb in target/installer/dist; run installer/build.sh deb first" >&2; exit 1; }
deb="$(realpath "${debs[0]}")"
[[ "$(id -u)" == 0 ]] || { echo "installing a package needs root" >&2; exit 1; }
if dpkg-query -W -f='${Status}' genrelens 2>/dev/null | grep -q "ok installed"; then
  echo "genrelens is installed already; remove it first (apt remove genrelens)" >&2; exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq "$deb"
trap 'apt-get remove -y -qq genrelens >/dev/null' EXIT

fail() { echo "installed package: $*" >&2; exit 1; }
command -v genrelens >/dev/null || fail "no genrelens command on the PATH"
# one malloc arena for the app and the CLI alike (decision record 26), the menu entry through the same command
grep -q 'MALLOC_ARENA_MAX' /usr/bin/genrelens || fail "/usr/bin/genrelens does not set MALLOC_ARENA_MAX"
# the heap README's memory figures were measured with (RSS is this heap plus a training step's native memory)
grep -q -- '-Xmx1g' /opt/genrelens/lib/app/GenreLens.cfg \
  || fail "the launcher's heap is not -Xmx1g: $(grep -i xmx /opt/genrelens/lib/app/GenreLens.cfg)"
grep -qx 'Exec=/usr/bin/genrelens' /opt/genrelens/lib/genrelens-GenreLens.desktop \
  || fail "the menu entry does not start /usr/bin/genrelens: $(grep Exec /opt/genrelens/lib/*.desktop)"
# what ldd cannot see is declared: the JavaFX toolkit loads GTK 3 at run time
dpkg-query -W -f='${Depends}' genrelens | grep -q "libgtk-3-0" || fail "does not depend on GTK 3"
dpkg-query -W -f='${Recommends}' genrelens | grep -q "ffmpeg, espeak-ng" || fail "does not recommend ffmpeg and espeak-ng"

scratch="$(mktemp -d)"
cd "$scratch"   # away from the source tree, so the model found is the installed one
version_line="$(env -u DISPLAY -u WAYLAND_DISPLAY genrelens --version)"
[[ "$version_line" =~ ^GenreLens\ [0-9] ]] || fail "unexpected version output: $version_line"
ffmpeg -v error -f lavfi -i "sine=frequency=440:duration=8" -ar 22050 -ac 1 tone.wav
prediction="$(env -u DISPLAY -u WAYLAND_DISPLAY genrelens classify --json tone.wav)"
grep -q '"genre"' <<<"$prediction" && grep -q 'tone.wav' <<<"$prediction" \
  || fail "classify printed no prediction: $prediction"
mkdir low high
for i in 0 1 2; do
  ffmpeg -v error -f lavfi -i "sine=frequency=$((110 + 20 * i)):duration=6" -ar 22050 -ac 1 "low/low$i.wav"
  ffmpeg -v error -f lavfi -i "sine=frequency=$((4000 + 300 * i)):duration=6" -ar 22050 -ac 1 "high/high$i.wav"
done
trained="$(env -u DISPLAY -u WAYLAND_DISPLAY genrelens train --epochs 1 --bands 32 --hop-length 2048 \
  -o model.onnx . 2>/dev/null)" || fail "train failed: $trained"
[[ -s model.onnx && -s model.card.json ]] || fail "train wrote no model: $trained"
cd - >/dev/null
rm -rf "$scratch"
echo "$version_line"
echo "$prediction"
echo "$trained"

trap - EXIT
apt-get remove -y -qq genrelens >/dev/null
[[ ! -e /usr/bin/genrelens && ! -L /usr/bin/genrelens ]] || fail "removal left /usr/bin/genrelens behind"
[[ ! -e /opt/genrelens ]] || fail "removal left /opt/genrelens behind"
echo ".deb OK: installs with apt, genrelens --version, classify and train work from the PATH, removes cleanly"
