#!/usr/bin/env bash
# A head trained on the bundled model's stored embeddings of the 161 shared music clips, 5 folds by artist (README,
# "Learn your genres in minutes"). Run from the project root after `./mvnw compile`:
#
#   src/test/scripts/head-on-shared-clips.sh ../shared/data/gtzan-subset/genres
#
# Each clip becomes a FLAC in a temporary folder (deleted afterwards, never committed: GTZAN has no licence), tagged
# with its genre and an artist: GTZAN numbers clips by artist, so every three consecutive numbers of a genre are taken
# as one artist (an approximation; the real artists are not in the data). The library is scanned and analysed with the
# bundled model, and `train --library --head` cross-validates a head by artist. GENRELENS overrides the command.
set -euo pipefail

genres=${1:?the GTZAN genres folder, e.g. ../shared/data/gtzan-subset/genres}
root=$(pwd)
if [[ -z "${GENRELENS:-}" ]]; then
    ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
    GENRELENS="java -cp $root/target/classes:$(cat target/bench-cp.txt) org.genrelens.app.Main"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/genrelens-head.XXXXXX")
trap 'rm -rf "$work"' EXIT

for folder in "$genres"/*/; do
    genre=$(basename "$folder")
    [[ $genre == not-music ]] && continue
    for clip in "$folder"*; do
        name=$(basename "${clip%.*}")
        number=$((10#${name##*.}))
        ffmpeg -nostdin -v error -y -i "$clip" -metadata genre="$genre" \
            -metadata artist="$genre artist $((number / 3))" -metadata title="$name" "$work/$name.flac"
    done
done
$GENRELENS scan "$work" --db "$work/library.db" >&2
$GENRELENS analyze --db "$work/library.db" --jobs 2 >&2
$GENRELENS train --library --head --db "$work/library.db" --min-tracks 5 --folds 5 --out "$work/head.onnx"
