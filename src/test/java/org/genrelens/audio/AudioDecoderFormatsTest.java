package org.genrelens.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AudioDecoderFormatsTest {

    private static final int TARGET = 22_050;
    private static final double SECONDS = 3.0;

    @TempDir
    Path dir;

    private final AudioDecoder decoder = new AudioDecoder();

    @ParameterizedTest(name = "{0}-bit float={1} WAV")
    @CsvSource({"8,false", "16,false", "24,false", "32,false", "32,true"})
    void wavOfEveryBitDepthDecodesToTheSameTone(int bits, boolean floatingPoint) throws Exception {
        float[] tone = TestAudio.sine(1000, SECONDS, 44_100, 0.5);
        Path wav = TestAudio.writeWav(tone, 1, 44_100, bits, floatingPoint, dir.resolve("tone.wav"));

        DecodedAudio audio = decoder.decode(wav, TARGET);

        assertSameTone(tone, audio, "wav", AudioSource.JVM);
        assertEquals(bits, audio.source().bitsPerSample());
    }

    @ParameterizedTest(name = "{0} Hz input")
    @ValueSource(ints = {8_000, 11_025, 16_000, 22_050, 44_100, 48_000, 96_000})
    void everyInputRateIsResampledToTheTargetRate(int rate) throws Exception {
        float[] tone = TestAudio.sine(1000, SECONDS, rate, 0.5);
        Path wav = TestAudio.writeWav(tone, rate, dir.resolve("tone.wav"));

        DecodedAudio audio = decoder.decode(wav, TARGET);

        assertSameTone(tone, audio, "wav", AudioSource.JVM);
        assertEquals(rate, audio.source().sampleRate());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AU", "AIFF"})
    void auAndAiffDecodeOnTheJvm(String type) throws Exception {
        float[] tone = TestAudio.sine(1000, SECONDS, 44_100, 0.5);
        AudioFileFormat.Type fileType = type.equals("AU") ? AudioFileFormat.Type.AU : AudioFileFormat.Type.AIFF;
        Path file = TestAudio.write(tone, 1, 44_100, fileType, dir.resolve("tone." + type.toLowerCase()));

        DecodedAudio audio = decoder.decode(file, TARGET);

        assertSameTone(tone, audio, type.toLowerCase(), AudioSource.JVM);
    }

    @ParameterizedTest(name = "{0} channels")
    @ValueSource(ints = {2, 6})
    void identicalChannelsAreAveragedSoTheLevelMatchesMono(int channels) throws Exception {
        float[] tone = TestAudio.sine(1000, SECONDS, 48_000, 0.5);
        Path mono = TestAudio.writeWav(tone, 48_000, dir.resolve("mono.wav"));
        Path multi = TestAudio.write(TestAudio.interleave(tone, channels), channels, 48_000,
                AudioFileFormat.Type.WAVE, dir.resolve("multi.wav"));

        DecodedAudio fromMono = decoder.decode(mono, TARGET);
        DecodedAudio fromMulti = decoder.decode(multi, TARGET);

        assertEquals(channels, fromMulti.source().channels());
        assertEquals(SignalMeasure.rmsDb(fromMono.samples()), SignalMeasure.rmsDb(fromMulti.samples()), 0.01);
    }

    @Test
    void opposedChannelsCancelBecauseTheyAreAveraged() throws Exception {
        float[] tone = TestAudio.sine(1000, SECONDS, 44_100, 0.5);
        float[] stereo = new float[tone.length * 2];
        for (int i = 0; i < tone.length; i++) {
            stereo[2 * i] = tone[i];
            stereo[2 * i + 1] = -tone[i];
        }
        Path wav = TestAudio.write(stereo, 2, 44_100, AudioFileFormat.Type.WAVE, dir.resolve("phase.wav"));

        DecodedAudio audio = decoder.decode(wav, TARGET);

        assertTrue(SignalMeasure.rmsDb(audio.samples()) < -80, "L + (-L) averages to silence");
    }

    @Test
    void chordKeepsBothTones() throws Exception {
        float[] chord = TestAudio.chord(new double[] {440, 1000}, SECONDS, 44_100, 0.8);
        Path mp3 = FfmpegEncoder.encode(TestAudio.writeWav(chord, 44_100, dir.resolve("chord.wav")), "mp3",
                dir.resolve("chord.mp3"));

        DecodedAudio audio = decoder.decode(mp3, TARGET);

        assertEquals(AudioSource.JVM, audio.source().decoder());
        assertEquals(SignalMeasure.rmsDb(chord), SignalMeasure.rmsDb(audio.samples()), 1.0);
        assertTrue(SignalMeasure.bandShare(audio.samples(), TARGET, 440) > 0.3, "440 Hz present");
        assertTrue(SignalMeasure.bandShare(audio.samples(), TARGET, 1000) > 0.3, "1000 Hz present");
    }

    /** Stereo input, 1 kHz tone with a little noise (a pure tone is no music, and trips up codecs' edge cases). */
    @ParameterizedTest(name = "{0} via {1}")
    @CsvSource({"mp3,jvm,mp3", "flac,jvm,flac", "ogg,jvm,ogg-vorbis", "m4a,ffmpeg,mp4", "opus,ffmpeg,opus",
        "wma,ffmpeg,asf"})
    void compressedFormatsDecodeWithTheExpectedDecoder(String format, String expectedDecoder, String label)
            throws Exception {
        float[] tone = toneWithNoise(44_100);
        Path wav = TestAudio.write(TestAudio.interleave(tone, 2), 2, 44_100, AudioFileFormat.Type.WAVE,
                dir.resolve("source.wav"));
        Path encoded = FfmpegEncoder.encode(wav, format, dir.resolve("tone." + format));

        DecodedAudio audio = decoder.decode(encoded, TARGET);

        assertSameTone(tone, audio, label, expectedDecoder);
        assertEquals(2, audio.source().channels());
    }

    /** AC-3 used to be recognised at 48 kHz only, and a file of one or two frames not at all. */
    @ParameterizedTest(name = "{0} at {1} Hz, {2} s")
    @CsvSource({"ac3,48000,3.0", "ac3,44100,3.0", "ac3,32000,3.0", "ac3,44100,0.05", "ac3,48000,0.02",
        "eac3,48000,3.0", "eac3,44100,0.05"})
    void ac3AndEac3AreRecognisedAtEveryRateAndLengthAndDecodedByFfmpeg(String format, int rate, double seconds)
            throws Exception {
        float[] tone = TestAudio.sine(1000, seconds, rate, 0.5);
        Path file = FfmpegEncoder.encode(TestAudio.writeWav(tone, rate, dir.resolve("t.wav")), format,
                dir.resolve("tone." + format));
        Path unnamed = java.nio.file.Files.copy(file, dir.resolve("tone-without-extension"));

        DecodedAudio audio = decoder.decode(unnamed, TARGET);

        assertEquals("ac3", audio.source().format());
        assertEquals(AudioSource.FFMPEG, audio.source().decoder());
        // AC-3 codes whole blocks of 1536 samples: a short file comes out up to one block longer
        assertTrue(audio.durationSeconds() >= seconds - 0.01 && audio.durationSeconds() <= seconds + 1536.0 / rate
                + 0.01, "duration " + audio.durationSeconds());
        assertTrue(SignalMeasure.bandShare(audio.samples(), TARGET, 1000) > 0.3, "the tone is there");
    }

    /** Formats whose signatures the sniffer does not know are left to ffmpeg, which reads them. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tta", "sox", "w64"})
    void contentOnlyFfmpegRecognisesIsDecodedByFfmpeg(String format) throws Exception {
        float[] tone = TestAudio.sine(1000, SECONDS, 44_100, 0.5);
        Path file = FfmpegEncoder.encode(TestAudio.writeWav(tone, 44_100, dir.resolve("t.wav")), format,
                dir.resolve("tone." + format));

        DecodedAudio audio = decoder.decode(file, TARGET);

        assertSameTone(tone, audio, "other", AudioSource.FFMPEG);
    }

    @Test
    void flacNamedMp3IsDecodedByItsContent() throws Exception {
        float[] tone = TestAudio.sine(1000, SECONDS, 44_100, 0.5);
        Path flac = FfmpegEncoder.encode(TestAudio.writeWav(tone, 44_100, dir.resolve("t.wav")), "flac",
                dir.resolve("really-flac.mp3"));

        DecodedAudio audio = decoder.decode(flac, TARGET);

        assertSameTone(tone, audio, "flac", AudioSource.JVM);
    }

    @Test
    void wavNamedOggIsDecodedByItsContent() throws Exception {
        float[] tone = TestAudio.sine(1000, SECONDS, 44_100, 0.5);
        Path wav = TestAudio.writeWav(tone, 44_100, dir.resolve("really-wav.ogg"));

        assertSameTone(tone, decoder.decode(wav, TARGET), "wav", AudioSource.JVM);
    }

    @Test
    void wavVariantTheJvmCannotReadGoesThroughFfmpeg() throws Exception {
        float[] tone = TestAudio.sine(1000, SECONDS, 44_100, 0.5);
        Path adpcm = FfmpegEncoder.encode(TestAudio.writeWav(tone, 44_100, dir.resolve("t.wav")), "wav-adpcm",
                dir.resolve("adpcm.wav"));

        DecodedAudio audio = decoder.decode(adpcm, TARGET);

        assertSameTone(tone, audio, "wav", AudioSource.FFMPEG);
    }

    @Test
    void hostileFileNameIsPassedToFfmpegAsOneLiteralWord() throws Exception {
        Path pwned = Path.of("pwned").toAbsolutePath();
        Files.deleteIfExists(pwned);
        float[] tone = TestAudio.sine(1000, SECONDS, 44_100, 0.5);
        Path wav = TestAudio.writeWav(tone, 44_100, dir.resolve("t.wav"));
        Path hostile = dir.resolve("it's \"a\" $(touch pwned) `touch pwned` ; touch pwned & %resource% %sample_rate%"
                + " 日本語 ü\\n.m4a");
        FfmpegEncoder.encode(wav, "m4a", hostile);

        DecodedAudio audio = decoder.decode(hostile, TARGET);

        assertSameTone(tone, audio, "mp4", AudioSource.FFMPEG);
        assertFalse(Files.exists(pwned), "the shell ran a command hidden in the file name");
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().equals("pwned")));
        }
    }

    @Test
    void gtzanClipDecodesToThirtySeconds() throws Exception {
        Path clip = Path.of("../shared/data/gtzan-subset/genres/blues/blues.00000.au");
        assertTrue(Files.isRegularFile(clip), "GTZAN data is missing: expected " + clip.toAbsolutePath()
                + " (the shared data folder /work/shared/data next to the project)");

        DecodedAudio audio = decoder.decode(clip, TARGET);

        assertEquals(TARGET, audio.sampleRate());
        assertEquals(30.0, audio.durationSeconds(), 0.5);
        assertEquals("au", audio.source().format());
        assertEquals(AudioSource.JVM, audio.source().decoder());
        assertTrue(SignalMeasure.rmsDb(audio.samples()) > -40, "real music is not silence");
    }

    @Test
    void veryShortValidFileIsNotAnError() throws Exception {
        Path wav = TestAudio.writeWav(TestAudio.sine(1000, 0.002, 44_100, 0.5), 44_100, dir.resolve("blip.wav"));

        DecodedAudio audio = decoder.decode(wav, TARGET);

        assertEquals(Math.round(0.002 * 44_100 / 2.0), audio.samples().length);
    }

    @Test
    void ffmpegOnPathIsFoundAndReportsItsVersion() {
        assertTrue(decoder.ffmpegAvailable(), FfmpegEncoder.MISSING);
        assertTrue(decoder.ffmpegVersion().orElseThrow().startsWith("ffmpeg version"));
        assertTrue(decoder.canDecode(Path.of("song.m4a")));
        assertTrue(decoder.canDecode(Path.of("SONG.FLAC")));
        assertFalse(decoder.canDecode(Path.of("cover.jpg")));
    }

    private static float[] toneWithNoise(int rate) {
        float[] tone = TestAudio.sine(1000, SECONDS, rate, 0.5);
        float[] noise = TestAudio.noise(SECONDS, rate, 0.01, 7);
        for (int i = 0; i < tone.length; i++) {
            tone[i] += noise[i];
        }
        return tone;
    }

    static void assertSameTone(float[] original, DecodedAudio audio, String format, String decoderName) {
        assertEquals(format, audio.source().format(), "format");
        assertEquals(decoderName, audio.source().decoder(), "decoder");
        assertEquals(TARGET, audio.sampleRate());
        assertEquals(SECONDS, audio.durationSeconds(), SECONDS * 0.01, "duration");
        assertEquals(SignalMeasure.rmsDb(original), SignalMeasure.rmsDb(audio.samples()), 1.0, "RMS dB");
        assertEquals(1000, SignalMeasure.dominantFrequency(audio.samples(), TARGET), 5, "dominant frequency");
    }
}
