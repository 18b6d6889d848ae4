package org.genrelens.audio;

import be.tarsos.dsp.io.TarsosDSPAudioFloatConverter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.genrelens.task.Cancellation;

/**
 * Quick mode for WAV, AIFF and AU: skips to each excerpt (the PCM stream's {@code skip} is a file seek, nothing is
 * decoded on the way) and reads, mixes and resamples only the excerpt's frames.
 */
final class PcmExcerptReader {

    private PcmExcerptReader() {
    }

    /** Null when the JDK cannot read the file as PCM (ADPCM WAV, AIFF-C, ...): the caller decodes another way. */
    static List<float[]> read(Path file, StreamHeader header, int targetRate, long[] startSamples, int samples,
            Deadline deadline, Cancellation cancellation) throws IOException {
        AudioInputStream in;
        try {
            in = JvmDecoder.toPcm(JvmDecoder.openWithJdk(file));
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            return null;
        }
        try (in) {
            AudioFormat f = in.getFormat();
            int channels = f.getChannels();
            int frameSize = f.getFrameSize();
            double ratio = f.getSampleRate() / targetRate;
            TarsosDSPAudioFloatConverter converter = TarsosDSPAudioFloatConverter.getConverter(
                    JvmDecoder.tarsosFormat(f));
            int sourceFrames = (int) Math.ceil(samples * ratio) + 2;
            byte[] bytes = new byte[sourceFrames * frameSize];
            float[] floats = new float[sourceFrames * channels];
            List<float[]> out = new ArrayList<>();
            long position = 0;
            for (long start : startSamples) {
                cancellation.throwIfCancelled();
                if (deadline.expired()) {
                    throw new IOException("no result after " + deadline.limit().toSeconds() + " s");
                }
                long first = (long) Math.floor(start * ratio);
                skipFrames(in, first - position, frameSize);
                int read = in.readNBytes(bytes, 0, bytes.length) / frameSize;
                position = first + read;
                PcmOutput excerpt = PcmOutput.collecting(deadline);
                MonoResamplingSink sink = new MonoResamplingSink(channels, f.getSampleRate(), targetRate, 0, -1,
                        excerpt);
                if (read > 0) {
                    converter.toFloatArray(bytes, 0, floats, 0, read * channels);
                    sink.accept(floats, read);
                }
                sink.finish();
                out.add(Arrays.copyOf(excerpt.collected(), samples)); // padded with silence past the end of the track
            }
            return out;
        }
    }

    private static void skipFrames(AudioInputStream in, long frames, int frameSize) throws IOException {
        long bytes = frames * frameSize;
        while (bytes > 0) {
            long skipped = in.skip(bytes);
            if (skipped <= 0) {
                return; // past the end: the excerpt reads as silence
            }
            bytes -= skipped;
        }
    }
}
