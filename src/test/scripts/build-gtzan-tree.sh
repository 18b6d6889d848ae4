#!/usr/bin/env bash
# Builds a full-size GTZAN-layout tree (10 genres x 100 clips of 30 s, genres/<g>/<g>.000NN.wav) from the shared
# clips, so training can be measured at GTZAN's scale on machines that only have the subset. Each clip is a variant
# of a real clip of its genre: looped to 30 s, then pitch-shifted (-2..+2 semitones), tempo-changed (0.9..1.1x) and
# equalised (a random peak or dip) with ffmpeg. Never commit the output: GTZAN audio has no licence.
#
# usage: build-gtzan-tree.sh [SOURCE_GENRES_DIR] DEST_DIR [CLIPS_PER_GENRE]
#   SOURCE_GENRES_DIR defaults to ../shared/data/gtzan-subset/genres (relative to the project root)
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 [SOURCE_GENRES_DIR] DEST_DIR [CLIPS_PER_GENRE]" >&2
  exit 2
fi
if [ $# -ge 2 ] && [ -d "$1" ]; then src=$1; dest=$2; per=${3:-100}
else src=$(cd "$(dirname "$0")/../../.." && pwd)/../shared/data/gtzan-subset/genres; dest=$1; per=${2:-100}; fi
[ -d "$src" ] || { echo "no source clips at $src: get ../shared/data (see its README)" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg is needed: apt-get install ffmpeg" >&2; exit 1; }
mkdir -p "$dest/genres"
RANDOM=42  # the same tree on every run
jobs=$(nproc)
for dir in "$src"/*/; do
  genre=$(basename "$dir")
  mapfile -t clips < <(find "$dir" -maxdepth 1 -type f \( -name '*.au' -o -name '*.wav' \) | sort)
  [ ${#clips[@]} -gt 0 ] || continue
  mkdir -p "$dest/genres/$genre"
  for ((i = 0; i < per; i++)); do
    clip=${clips[$((i % ${#clips[@]}))]}
    semitones=$((RANDOM % 5 - 2))
    tempo=$(awk -v percent=$((90 + RANDOM % 21)) 'BEGIN { printf "%.2f", percent / 100 }')
    centre=$((200 + RANDOM % 4000)); gain=$((RANDOM % 13 - 6))
    rate=$(awk -v s="$semitones" 'BEGIN { printf "%.0f", 22050 * 2 ^ (s / 12) }')
    out=$(printf '%s/genres/%s/%s.%05d.wav' "$dest" "$genre" "$genre" "$i")
    ffmpeg -nostdin -loglevel error -y -stream_loop -1 -i "$clip" -t 40 \
      -af "asetrate=$rate,aresample=22050,atempo=$tempo,equalizer=f=$centre:t=q:w=1:g=$gain" \
      -t 30 -ac 1 -ar 22050 -c:a pcm_s16le "$out" &
    while [ "$(jobs -r | wc -l)" -ge "$jobs" ]; do wait -n; done
  done
done
wait
echo "wrote $(find "$dest/genres" -name '*.wav' | wc -l) clips to $dest/genres"
