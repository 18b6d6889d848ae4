package org.genrelens.training.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Generates the "not music" class: speech (espeak-ng, when installed), noise of several colours, steady and
 * swept tones, hum, near-silence and birdsong-like chirps. A threshold on the top genre probability cannot
 * reject such input (a genre model calls birdsong "classical" with confidence 1.0), so the model learns it as a
 * class of its own.
 */
public final class NonMusicCorpus {

    public static final String LABEL = "not-music";
    private static final int SAMPLE_RATE = 22_050;
    private static final String[] VOICES = {"en", "en-us", "en+f3", "en+m3", "de", "fr", "es", "en+f4"};

    /** Changes whenever a generator does, so a corpus written by an older build is not reused. */
    private static final int GENERATOR_VERSION = 2;
    private static final String PARTIAL = ".partial-";

    private final Optional<Path> espeak;
    private final long seed;
    private final Random random;

    public NonMusicCorpus(Optional<Path> espeak, long seed) {
        this.espeak = espeak;
        this.seed = seed;
        this.random = new Random(seed);
    }

    /**
     * The corpus training adds (`train --not-music N`, the Train tab's not-music class): seed 42, 15 s clips, written
     * once under {@code root} and reused, so every run and the bundled model's card name the same clips.
     */
    public static List<LabeledClip> forTraining(Path root, int perKind) throws IOException {
        return new NonMusicCorpus(findEspeak(), 42L).writeOnce(root, perKind, 15.0);
    }

    /** espeak-ng from PATH, if there is one ({@code espeak-ng.exe} on Windows). */
    public static Optional<Path> findEspeak() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            for (String name : List.of("espeak-ng", "espeak-ng.exe")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The corpus in a folder under {@code root} named by all that decides its signals (generator version, seed, clips
     * per kind, length, speech or not): written on first use, reused after. The same arguments give the same clips,
     * so a later run finds their spectra in the spectrum cache, and no run leaves a temporary copy behind. It is
     * written beside its final name and moved into place, so a run killed halfway leaves no half-written corpus.
     *
     * @return the clips, labelled {@link #LABEL}, in the order {@link #write} gives them
     */
    public List<LabeledClip> writeOnce(Path root, int perKind, double seconds) throws IOException {
        String name = String.format(java.util.Locale.ROOT, "v%d-seed%d-%dx%.1fs-%s", GENERATOR_VERSION, seed, perKind,
                seconds, espeak.isPresent() ? "speech" : "no-speech");
        Path finished = root.resolve(name);
        if (!Files.isDirectory(finished)) {
            Files.createDirectories(root);
            deleteAbandonedPartials(root);
            // the writer's process id in the name tells a later run whether the writer is gone (killed) or working
            Path partial = Files.createTempDirectory(root, PARTIAL + ProcessHandle.current().pid() + "-");
            try {
                write(partial, perKind, seconds);
            } catch (IOException | RuntimeException e) {
                deleteTree(partial);
                throw e;
            }
            moveIntoPlace(partial, finished);
        }
        List<LabeledClip> clips = new ArrayList<>();
        for (String file : fileNames(perKind)) {
            Path clip = finished.resolve(LABEL).resolve(file);
            if (!Files.isRegularFile(clip)) {
                throw new IOException("the generated not-music clip " + clip + " is missing; delete " + finished
                        + " and it is written again");
            }
            clips.add(new LabeledClip(clip, LABEL));
        }
        return List.copyOf(clips);
    }

    /** The clips' file names in generation order. */
    private List<String> fileNames(int perKind) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            for (String kind : List.of("noise", "tone", "hum", "quiet", "chirps")) {
                names.add(kind + "-" + i + ".wav");
            }
            if (espeak.isPresent()) {
                names.add("speech-" + i + ".wav");
            }
        }
        return names;
    }

    /**
     * Moves a written corpus to its final name. When another run (the app beside the command line) finished the same
     * corpus first, its copy is kept and this one deleted: the clips are the same. Linux reports that race as a plain
     * "Directory not empty", not as {@link java.nio.file.DirectoryNotEmptyException}, so the folder itself decides.
     */
    static void moveIntoPlace(Path partial, Path finished) throws IOException {
        try {
            Files.move(partial, finished, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteTree(partial);
            if (!Files.isDirectory(finished)) {
                throw e;
            }
        }
    }

    /** Half-written corpora whose writing process no longer runs (killed, or crashed). */
    static void deleteAbandonedPartials(Path root) throws IOException {
        List<Path> abandoned = new ArrayList<>();
        try (java.util.stream.Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                String file = entry.getFileName().toString();
                int marker = file.indexOf(PARTIAL);
                if (marker < 0 || !Files.isDirectory(entry)) {
                    continue;
                }
                String pid = file.substring(marker + PARTIAL.length()).split("-", 2)[0];
                boolean writerRuns = !pid.isEmpty() && pid.chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
                if (!writerRuns) {
                    abandoned.add(entry);
                }
            }
        }
        for (Path entry : abandoned) {
            deleteTree(entry);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (java.util.stream.Stream<Path> entries = Files.walk(directory)) {
            for (Path entry : entries.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(entry);
            }
        }
    }

    /**
     * Writes {@code perKind} clips of every kind as 16-bit WAV under {@code directory/not-music/}.
     *
     * @return the clips, labelled {@link #LABEL}
     */
    public List<LabeledClip> write(Path directory, int perKind, double seconds) throws IOException {
        Path folder = Files.createDirectories(directory.resolve(LABEL));
        List<LabeledClip> clips = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            clips.add(save(folder.resolve("noise-" + i + ".wav"), NonMusicSignals.colouredNoise(seconds, SAMPLE_RATE, random)));
            clips.add(save(folder.resolve("tone-" + i + ".wav"), NonMusicSignals.tones(seconds, SAMPLE_RATE, random)));
            clips.add(save(folder.resolve("hum-" + i + ".wav"), NonMusicSignals.hum(seconds, SAMPLE_RATE, random)));
            clips.add(save(folder.resolve("quiet-" + i + ".wav"), NonMusicSignals.nearSilence(seconds, SAMPLE_RATE, random)));
            clips.add(save(folder.resolve("chirps-" + i + ".wav"), NonMusicSignals.chirps(seconds, SAMPLE_RATE, random)));
            if (espeak.isPresent()) {
                Path speech = folder.resolve("speech-" + i + ".wav");
                speak(speech, seconds);
                clips.add(new LabeledClip(speech, LABEL));
            }
        }
        return List.copyOf(clips);
    }

    private void speak(Path target, double seconds) throws IOException {
        List<String> sentences = sentences();
        StringBuilder text = new StringBuilder();
        // about 2.5 s per sentence at these speeds
        for (int n = 0; n < Math.max(2, (int) Math.ceil(seconds / 2.5)); n++) {
            text.append(sentences.get(random.nextInt(sentences.size()))).append(' ');
        }
        String voice = VOICES[random.nextInt(VOICES.length)];
        int wordsPerMinute = 130 + random.nextInt(70);
        Process process = new ProcessBuilder(espeak.orElseThrow().toString(), "-v", voice, "-s",
                String.valueOf(wordsPerMinute), "-w", target.toString(), text.toString())
                .redirectErrorStream(true).start();
        try {
            process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.isRegularFile(target)) {
                process.destroyForcibly();
                throw new IOException("espeak-ng could not synthesise " + target);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while synthesising speech", e);
        }
    }

    private static List<String> sentences() throws IOException {
        try (InputStream in = NonMusicCorpus.class.getResourceAsStream("speech-sentences.txt")) {
            if (in == null) {
                throw new IOException("resource speech-sentences.txt is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }

    private static LabeledClip save(Path target, float[] samples) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : samples) {
            bytes.putShort((short) Math.round(Math.max(-1f, Math.min(1f, v)) * 32767f));
        }
        AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format,
                samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, target.toFile());
        }
        return new LabeledClip(target, LABEL);
    }
}
