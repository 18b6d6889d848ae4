package org.genrelens.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the benchmark's tracks with ffmpeg in a temporary folder (never in the project): 44.1 kHz stereo tracks
 * of a given length in each format, either synthesised (chords that change every two seconds, a beat of noise
 * bursts and a little pink noise, different for each track) or made by concatenating real clips from a folder.
 */
public final class BenchTracks {

    private final Path ffmpeg;

    BenchTracks(Path ffmpeg) {
        this.ffmpeg = ffmpeg;
    }

    List<Path> synthesise(Path dir, List<String> formats, int perFormat, int seconds) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < perFormat; i++) {
            double root = 110 * Math.pow(2, i / 12.0);
            String expr = String.format(Locale.ROOT, "0.15*sin(2*PI*%1$.3f*(1+0.25*mod(floor(t/2),4))*t)"
                    + "+0.1*sin(2*PI*%1$.3f*1.5*(1+0.25*mod(floor(t/2),4))*t)"
                    + "+0.3*(random(0)-0.5)*lt(mod(t,0.5),0.06)", root).replace(",", "\\,"); // in a filter graph
            for (String format : formats) {
                Path target = dir.resolve(String.format(Locale.ROOT, "synthetic-%02d.%s", i + 1, format));
                run(List.of(ffmpeg.toString(), "-nostdin", "-v", "error", "-y",
                        "-f", "lavfi", "-i", "aevalsrc=" + expr + ":s=44100:d=" + seconds,
                        "-f", "lavfi", "-i", "anoisesrc=color=pink:a=0.03:r=44100:d=" + seconds + ":seed=" + (i + 1),
                        "-filter_complex", "[0][1]amix=inputs=2:normalize=0,aformat=channel_layouts=stereo",
                        "-ar", "44100", target.toString()));
                out.add(target);
            }
        }
        return out;
    }

    /** Tracks of {@code seconds} made of consecutive clips (looping over the clips when they run out). */
    List<Path> concatenate(Path clipsDir, Path dir, List<String> formats, int perFormat, int seconds)
            throws IOException {
        List<Path> clips;
        try (Stream<Path> files = Files.walk(clipsDir)) {
            clips = files.filter(Files::isRegularFile).filter(p -> p.toString().matches("(?i).*\\.(au|wav|flac|mp3)$"))
                    .sorted().toList();
        }
        if (clips.isEmpty()) {
            throw new IOException("no .au/.wav/.flac/.mp3 clips under " + clipsDir);
        }
        List<Path> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < perFormat * formats.size(); i++) {
            // the concat filter, not the concat demuxer: clips may differ in format (GTZAN mixes .au and .wav)
            List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-v", "error", "-y"));
            StringBuilder graph = new StringBuilder();
            int count = Math.max(8, seconds / 10); // clips are 15-30 s: enough for the length
            for (int k = 0; k < count; k++) {
                command.addAll(List.of("-i", clips.get(next++ % clips.size()).toString()));
                graph.append('[').append(k).append(":a]");
            }
            graph.append("concat=n=").append(count).append(":v=0:a=1[out]");
            String format = formats.get(i % formats.size());
            Path target = dir.resolve(String.format(Locale.ROOT, "clips-%02d.%s", i + 1, format));
            command.addAll(List.of("-filter_complex", graph.toString(), "-map", "[out]", "-t",
                    Integer.toString(seconds), "-ar", "44100", "-ac", "2", target.toString()));
            run(command);
            out.add(target);
        }
        return out;
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IOException("ffmpeg failed making a benchmark track: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making benchmark tracks", e);
        }
    }
}
