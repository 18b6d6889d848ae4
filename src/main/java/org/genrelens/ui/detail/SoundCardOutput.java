package org.genrelens.ui.detail;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/** The default sound device through Java Sound. */
public final class SoundCardOutput implements PlaybackOutput {

    private SourceDataLine line;

    @Override
    public void open(int sampleRate) throws LineUnavailableException {
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        try {
            line = AudioSystem.getSourceDataLine(format);
        } catch (IllegalArgumentException noDevice) {
            throw new LineUnavailableException("no sound output device is available on this computer");
        }
        line.open(format, sampleRate / 5 * 2);
        line.start();
    }

    @Override
    public void write(byte[] pcm, int offset, int length) {
        line.write(pcm, offset, length);
    }

    @Override
    public long framesPlayed() {
        return line == null ? 0 : line.getLongFramePosition();
    }

    @Override
    public void stop() {
        if (line != null) {
            line.stop();
            line.flush();
        }
    }

    @Override
    public void close() {
        if (line != null) {
            line.close();
        }
    }
}
