package org.genrelens.training.sampling;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.MelFilterbank;
import org.genrelens.features.TileExtractor;
import org.genrelens.features.Tiles;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How much a low-bitrate MP3 (and AAC) round trip changes real GTZAN tiles, below and above 8 kHz: the evidence for the
 * spec's fMax and for the low-pass augmentation. The numbers are logged; the test checks only their direction.
 */
class CodecRoundTripTest {

    private static final System.Logger LOG = System.getLogger(CodecRoundTripTest.class.getName());
    private static final int SR = 22_050;
    private static final double SPLIT_HZ = 8_000;
    /** The default mel layout, but up to Nyquist, so the bands a 10 kHz fMax drops are measured too. */
    private static final FeatureSpec WIDE = new FeatureSpec(FeatureSpec.defaultMel().type(), SR, 5.0, 2.5,
            List.of(1024), 512, 128, 0.0, SR / 2.0, FeatureSpec.defaultMel().stftScale(),
            FeatureSpec.defaultMel().dbReference(), 80.0, -40.0, 20.0);

    /** Upper edges of the reported frequency ranges, Hz. */
    private static final double[] RANGES = {4_000, 6_000, 7_000, 8_000, 9_000, 10_000, SR / 2.0};

    @Test
    void aLowBitrateMp3KeepsTilesBelow8kHzAndChangesThemAbove10kHz(@TempDir Path work) throws Exception {
        AudioDecoder decoder = new AudioDecoder();
        TileExtractor extractor = new TileExtractor(WIDE);
        double[] centres = Arrays.copyOfRange(MelFilterbank.bandEdgesHz(128, 0, SR / 2.0), 1, 129);
        List<Path> clips = oneClipPerGenre();
        StringBuilder report = new StringBuilder("mean |tile difference| after a round trip, dB, by band centre (");
        for (double edge : RANGES) {
            report.append(String.format(Locale.ROOT, " <%.1fk", edge / 1000));
        }
        report.append("), ").append(clips.size()).append(" GTZAN clips:");
        for (String codec : List.of("mp3:32k", "mp3:64k", "mp3:128k", "aac:64k")) {
            double[] sums = new double[RANGES.length];
            long[] cells = new long[RANGES.length];
            for (Path clip : clips) {
                Path encoded = encode(clip, codec, work.resolve(clip.getFileName() + "." + codec.replace(':', '.')));
                float[] original = decoder.decode(clip, SR).samples();
                float[] roundTrip = align(original, decoder.decode(encoded, SR).samples());
                Tiles a = extractor.extract(original);
                Tiles b = extractor.extract(roundTrip);
                int width = WIDE.framesPerWindow();
                for (int i = 0; i < a.count(); i++) {
                    for (int r = 0; r < 128; r++) {
                        int range = 0;
                        while (centres[r] >= RANGES[range]) {
                            range++;
                        }
                        for (int t = 0; t < width; t++) {
                            int k = i * a.tileSize() + r * width + t;
                            sums[range] += Math.abs(a.data()[k] - b.data()[k]) * WIDE.normStd();
                            cells[range]++;
                        }
                    }
                }
            }
            double[] means = new double[RANGES.length];
            report.append("\n  ").append(codec).append(':');
            for (int g = 0; g < RANGES.length; g++) {
                means[g] = sums[g] / cells[g];
                report.append(String.format(Locale.ROOT, " %.2f", means[g]));
            }
            if (codec.equals("mp3:64k")) {
                // below 8 kHz the codec is nearly transparent; above 10 kHz (its low-pass) the tiles differ wholesale
                assertTrue(means[RANGES.length - 1] > 5 * means[0], report.toString());
            }
        }
        LOG.log(System.Logger.Level.INFO, report.toString());
    }

    private static List<Path> oneClipPerGenre() throws IOException {
        List<Path> clips = new ArrayList<>();
        try (Stream<Path> genres = Files.list(SharedData.gtzanGenres())) {
            List<Path> sorted = genres.sorted().toList();
            // every second genre keeps the test to seconds
            for (int g = 0; g < sorted.size(); g += 2) {
                Path genre = sorted.get(g);
                try (Stream<Path> files = Files.list(genre)) {
                    clips.add(files.sorted().skip(1).findFirst().orElseThrow());
                }
            }
        }
        return clips;
    }

    /** The round trip shifted to line up with the original: MP3 adds encoder and decoder delay. */
    private static float[] align(float[] original, float[] roundTrip) {
        int from = SR * 5;
        int length = SR * 2;
        int bestLag = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int lag = -3000; lag <= 3000; lag++) {
            double dot = 0;
            for (int i = from; i < from + length; i++) {
                dot += original[i] * roundTrip[i + lag];
            }
            if (dot > best) {
                best = dot;
                bestLag = lag;
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "MP3 lag " + bestLag + " samples");
        float[] out = new float[original.length];
        for (int i = 0; i < out.length; i++) {
            int j = i + bestLag;
            out[i] = j >= 0 && j < roundTrip.length ? roundTrip[j] : 0f;
        }
        return out;
    }

    /** FfmpegEncoder's formats are all 160 kbit/s or more; low bitrates need their own arguments. */
    private static Path encode(Path source, String codec, Path target) throws IOException, InterruptedException {
        String[] parts = codec.split(":");
        boolean mp3 = parts[0].equals("mp3");
        Process p = new ProcessBuilder(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-hide_banner", "-loglevel",
                "error", "-y", "-i", source.toString(), "-c:a", mp3 ? "libmp3lame" : "aac", "-b:a", parts[1], "-f",
                mp3 ? "mp3" : "ipod", target.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "ffmpeg encodes " + source);
        return target;
    }
}
