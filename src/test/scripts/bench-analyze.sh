#!/usr/bin/env bash
# Issue 11, item 8: `genrelens analyze` the way users run it, against ffmpeg alone on the same files.
#
#   src/test/scripts/bench-analyze.sh [ROUNDS]        (default 3; run from the project root after `./mvnw compile`)
#
# Makes 32 generated 4-minute 44.1 kHz stereo tracks (mp3, flac, ogg in turn) in a temporary folder, scans the
# first 8 and all 32 into two library databases, then, per round and for 8 and 32 tracks:
#   - `genrelens analyze --jobs 2` on a fresh copy of the scanned database (wall and CPU of the whole run), and
#   - `ffmpeg -threads 1 -i T -ac 1 -ar 22050 -f f32le /dev/null` on the same tracks, two processes at a time.
# The per-track cost of each side is the slope between 8 and 32 tracks, so start-up costs cancel; the once-per-run
# cost of analyze (JVM start, model load, database open) is what is left at 0 tracks: time(8) - 8 * slope.
# Prints every round and the medians. GENRELENS overrides the command (e.g. GENRELENS=genrelens for an install).
set -euo pipefail

rounds=${1:-3}
root=$(pwd)
if [[ -z "${GENRELENS:-}" ]]; then
    [[ -d target/classes ]] || { echo "run ./mvnw compile first (no target/classes here)" >&2; exit 2; }
    ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
    GENRELENS="java -cp $root/target/classes:$(cat target/bench-cp.txt) org.genrelens.app.Main"
fi
command -v ffmpeg >/dev/null || { echo "ffmpeg is needed on PATH" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/genrelens-bench-analyze.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "making 32 four-minute tracks in $work ..." >&2
formats=(mp3 flac ogg)
mkdir -p "$work/all"
for i in $(seq 0 31); do
    format=${formats[$((i % 3))]}
    freq=$((110 + 37 * i))
    case $format in
        mp3) codec=(-c:a libmp3lame -b:a 192k) ;;
        flac) codec=(-c:a flac) ;;
        ogg) codec=(-c:a libvorbis -q:a 5) ;;
    esac
    ffmpeg -nostdin -v error -f lavfi -i "sine=frequency=$freq:sample_rate=44100:duration=240" \
        -f lavfi -i "anoisesrc=color=pink:sample_rate=44100:amplitude=0.2:duration=240:seed=$i" \
        -filter_complex "[0][1]amix=inputs=2,aformat=channel_layouts=stereo" "${codec[@]}" \
        "$work/all/$(printf 'track%02d' "$i").$format"
done
mkdir -p "$work/lib8" "$work/lib32"
ls "$work/all" | head -8 | while read -r f; do ln "$work/all/$f" "$work/lib8/$f"; done
ls "$work/all" | while read -r f; do ln "$work/all/$f" "$work/lib32/$f"; done
for n in 8 32; do
    $GENRELENS scan "$work/lib$n" --db "$work/scanned$n.db" >/dev/null 2>&1
done

# seconds of wall and of CPU (user + system, children included) of one command
measure() {
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/stderr" \
        || { cat "$work/stderr" >&2; exit 1; }
    awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$work/time"
}

analyze() {
    cp "$work/scanned$1.db" "$work/run.db"
    measure $GENRELENS analyze --db "$work/run.db" --jobs 2
}

ffmpeg_alone() {
    ls "$work/lib$1"/* | measure xargs -P 2 -I{} ffmpeg -nostdin -v error -threads 1 -i {} -ac 1 -ar 22050 \
        -f f32le -y /dev/null
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before: \
$(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(ffmpeg -version | head -1 | cut -d' ' -f1-3)"
analyze 8 >/dev/null # warm-up: page cache, JIT caches of the OS
printf "%-6s %-30s %-30s\n" round "analyze 8 / 32 (wall s, CPU s)" "ffmpeg 8 / 32 (wall s, CPU s)"
results=()
for r in $(seq 1 "$rounds"); do
    # alternate the order, so load that changes during a round hits both sides alike
    if (( r % 2 )); then
        a8=$(analyze 8); a32=$(analyze 32); f8=$(ffmpeg_alone 8); f32=$(ffmpeg_alone 32)
    else
        f8=$(ffmpeg_alone 8); f32=$(ffmpeg_alone 32); a8=$(analyze 8); a32=$(analyze 32)
    fi
    printf "%-6s %-30s %-30s\n" "$r" "$a8 / $a32" "$f8 / $f32"
    results+=("$a8 $a32 $f8 $f32")
done
printf '%s\n' "${results[@]}" | awk '
    { aw[NR] = ($3 - $1) / 24; ac[NR] = ($4 - $2) / 24; fw[NR] = ($7 - $5) / 24; fc[NR] = ($8 - $6) / 24
      once[NR] = $1 - 8 * aw[NR] }
    function median(v, n,   i, j, t, s) { for (i = 1; i <= n; i++) s[i] = v[i]
        for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (s[j] < s[i]) { t = s[i]; s[i] = s[j]; s[j] = t }
        return n % 2 ? s[(n + 1) / 2] : (s[n / 2] + s[n / 2 + 1]) / 2 }
    END { n = NR
        printf "per extra track, median of %d rounds: analyze %.3f s wall, %.3f s CPU; ffmpeg %.3f s wall, %.3f s CPU\n", \
            n, median(aw, n), median(ac, n), median(fw, n), median(fc, n)
        printf "ratio analyze / ffmpeg: %.2f (wall), %.2f (CPU)   [target <= 1.3]\n", \
            median(aw, n) / median(fw, n), median(ac, n) / median(fc, n)
        printf "once per run (JVM start, model load, database open): %.2f s wall   [target <= 1 s]\n", median(once, n) }'
