#!/usr/bin/env bash
# The small library README's screenshots show, made from the shared GTZAN clips (never committed: GTZAN has no licence).
#
#   src/test/scripts/screenshot-library.sh ../shared/data/gtzan-subset/genres /tmp/shot-library
#
# Two clips of each of the ten genres, tagged (title, artist, album, genre), the first as MP3 and the second as FLAC;
# one MP3 cut off mid-stream (it fails alone, and the app says why); and a 90 s M4A joined from a reggae, a country
# and a rock clip, whose windows disagree (the song-detail screenshot).
set -euo pipefail

genres=${1:?the GTZAN genres folder, e.g. ../shared/data/gtzan-subset/genres}
out=${2:?the folder to make}
command -v ffmpeg >/dev/null || { echo "ffmpeg is needed on PATH" >&2; exit 2; }
mkdir -p "$out"

clip() { # genre, index (0-based) in sorted order
    find "$genres/$1" -maxdepth 1 -type f \( -name '*.wav' -o -name '*.au' \) | sort | sed -n "$(($2 + 1))p"
}

for genre in blues classical country disco hiphop jazz metal pop reggae rock; do
    for n in 1 2; do
        ext=mp3
        [[ $n == 2 ]] && ext=flac
        ffmpeg -nostdin -v error -y -i "$(clip "$genre" "$n")" -metadata title="${genre^} $n" \
            -metadata artist="GTZAN ${genre^}" -metadata album="GTZAN subset" -metadata genre="${genre^}" \
            "$out/$genre-$n.$ext"
    done
done

ffmpeg -nostdin -v error -y -i "$(clip jazz 3)" -metadata title="Cut short" "$out/cut.mp3"
truncate -s 9000 "$out/cut.mp3"

ffmpeg -nostdin -v error -y -i "$(clip reggae 3)" -i "$(clip country 3)" -i "$(clip rock 3)" \
    -filter_complex "[0:a]aresample=22050,atrim=0:30[a];[1:a]aresample=22050,atrim=0:30[b];[2:a]aresample=22050,atrim=0:30[c];[a][b][c]concat=n=3:v=0:a=1" \
    -metadata title="Three songs in one" -metadata artist="GTZAN" -c:a aac -b:a 128k "$out/medley.m4a"
echo "made $(find "$out" -type f | wc -l) files in $out"
