package org.genrelens.audio;

import be.tarsos.dsp.io.TarsosDSPAudioFloatConverter;
import java.io.IOException;
import java.io.InputStream;
import org.genrelens.task.Cancellation;

/**
 * Reads interleaved PCM bytes in chunks, converts them to floats and hands whole frames to the sink, until the
 * stream ends or the deadline passes; checks cancellation between chunks. Shared by the JVM and ffmpeg paths.
 */
final class PcmPump {

    private static final int CHUNK_FRAMES = 8192;

    private PcmPump() {
    }

    static void pump(InputStream in, TarsosDSPAudioFloatConverter converter, int channels, int frameSize,
            MonoResamplingSink sink, Deadline deadline, Cancellation cancellation) throws IOException {
        byte[] bytes = new byte[CHUNK_FRAMES * frameSize];
        float[] floats = new float[CHUNK_FRAMES * channels];
        int filled = 0;
        while (!deadline.expired()) {
            cancellation.throwIfCancelled();
            int n = in.read(bytes, filled, bytes.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
            if (filled == bytes.length) {
                converter.toFloatArray(bytes, 0, floats, 0, CHUNK_FRAMES * channels);
                sink.accept(floats, CHUNK_FRAMES);
                filled = 0;
            }
        }
        int frames = filled / frameSize;
        if (frames > 0) {
            converter.toFloatArray(bytes, 0, floats, 0, frames * channels);
            sink.accept(floats, frames);
        }
    }
}
