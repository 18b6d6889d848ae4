#!/usr/bin/env bash
# Builds GenreLens native packages with jpackage (JDK 17+).
#   installer/build.sh [app-image|deb|rpm|exe|msi|dmg|pkg] [extra Maven arguments, e.g. -Pgpu]
# Output: target/installer/dist/. The bundled model (models/) and the icon (assets/) go inside.
set -euo pipefail
cd "$(dirname "$0")/.."
type="${1:-app-image}"
shift || true

# Only platforms for which the pom's dependencies carry ONNX Runtime and PyTorch natives (see installer/README.md):
# elsewhere the package would install but could not classify.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64|Linux-aarch64|Darwin-arm64|MINGW*-x86_64|MSYS*-x86_64|CYGWIN*-x86_64) ;;
  *) echo "no installer for $(uname -s) $(uname -m): ONNX Runtime or PyTorch" \
          "publish no natives for it in the versions the pom uses (see installer/README.md)" >&2; exit 2 ;;
esac

# the project's own version is the first <version> in pom.xml
version="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)"
app_version="${version%%-*}"   # jpackage wants digits only: 0.1.0-SNAPSHOT -> 0.1.0

work=target/installer
rm -rf "$work"
mkdir -p "$work/input/lib" "$work/dist"
./mvnw -q -B -DskipTests "$@" package dependency:copy-dependencies \
  -DincludeScope=runtime -DoutputDirectory="$work/input/lib"
cp "target/genrelens-$version.jar" "$work/input/lib/genrelens.jar"
mkdir -p "$work/input/models"
cp models/*.onnx models/*.card.json "$work/input/models/"

case "$(uname -s)" in
  Linux*)  platform=linux; icon=assets/genrelens.png ;;
  Darwin*) platform=mac
           iconset="$work/GenreLens.iconset"; mkdir -p "$iconset"
           for size in 16 32 64 128 256; do
             sips -z "$size" "$size" assets/genrelens.png --out "$iconset/icon_${size}x${size}.png" >/dev/null
           done
           iconutil -c icns "$iconset" -o "$work/genrelens.icns"; icon="$work/genrelens.icns" ;;
  MINGW*|MSYS*|CYGWIN*) platform=windows; icon=assets/genrelens.ico ;;
  *) echo "unknown platform $(uname -s)" >&2; exit 2 ;;
esac

# the platform files hold installer options, which jpackage refuses for a bare app image; a type's own file (the
# .deb's dependencies and maintainer scripts) comes on top
platform_options=()
[[ "$type" == app-image ]] || platform_options=(@"installer/jpackage-$platform.txt")
[[ -f "installer/jpackage-$type.txt" ]] && platform_options+=(@"installer/jpackage-$type.txt")
jpackage @installer/jpackage-common.txt "${platform_options[@]}" \
  --type "$type" --app-version "$app_version" --icon "$icon" \
  --input "$work/input" --main-jar lib/genrelens.jar --dest "$work/dist"
echo "built $type in $work/dist:"
ls "$work/dist"
