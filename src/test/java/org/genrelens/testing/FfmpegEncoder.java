package org.genrelens.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Encodes a WAV into compressed formats with the installed ffmpeg binary, for tests and benchmarks. Arguments go
 * straight to the process (no shell). A missing ffmpeg fails loudly: tests must not skip.
 */
public final class FfmpegEncoder {

    public static final String MISSING = "ffmpeg is needed to encode test audio; .ci/run installs it";

    private FfmpegEncoder() {
    }

    /** The ffmpeg on PATH; throws AssertionError when there is none. */
    public static Path ffmpeg() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "ffmpeg"))) {
                    return Path.of(dir, "ffmpeg").toAbsolutePath();
                }
            }
        }
        throw new AssertionError(MISSING);
    }

    /**
     * Encodes {@code wav} into {@code target}; the format is chosen by {@code format}: mp3, flac, ogg (vorbis), m4a
     * (aac), opus, aiff, wma, wav-s24, wav-f32, wav-u8, wav-adpcm, ac3, eac3, tta, sox or w64.
     */
    public static Path encode(Path wav, String format, Path target) throws IOException {
        List<String> args = new ArrayList<>(List.of(ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel",
                "error", "-y", "-i", wav.toString()));
        args.addAll(switch (format) {
            case "mp3" -> List.of("-c:a", "libmp3lame", "-b:a", "192k", "-f", "mp3");
            case "flac" -> List.of("-c:a", "flac", "-f", "flac");
            case "ogg" -> List.of("-c:a", "libvorbis", "-q:a", "6", "-f", "ogg");
            case "m4a" -> List.of("-c:a", "aac", "-b:a", "192k", "-f", "ipod");
            case "opus" -> List.of("-c:a", "libopus", "-b:a", "160k", "-f", "ogg");
            case "aiff" -> List.of("-f", "aiff");
            case "wma" -> List.of("-c:a", "wmav2", "-b:a", "192k", "-f", "asf");
            case "wav-adpcm" -> List.of("-c:a", "adpcm_ms", "-f", "wav");
            case "ac3" -> List.of("-c:a", "ac3", "-f", "ac3");
            case "eac3" -> List.of("-c:a", "eac3", "-f", "eac3");
            case "tta" -> List.of("-c:a", "tta", "-f", "tta");
            case "sox" -> List.of("-c:a", "pcm_s32le", "-f", "sox");
            case "w64" -> List.of("-c:a", "pcm_s16le", "-f", "w64");
            default -> throw new IllegalArgumentException("unknown test format " + format);
        });
        args.add(target.toString());
        run(args);
        return target;
    }

    /** Runs ffmpeg (or ffprobe) with these arguments, failing with its log when it fails. */
    public static void run(List<String> args) throws IOException {
        Path log = Files.createTempFile("ffmpeg-encoder", ".log");
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("ffmpeg did not finish: " + args);
            }
            if (p.exitValue() != 0) {
                throw new IOException("ffmpeg failed (" + p.exitValue() + "): " + args + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
