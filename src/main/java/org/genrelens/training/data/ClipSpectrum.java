package org.genrelens.training.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;
import org.genrelens.features.TrackSpectrum;

/**
 * Where a cached clip's spectrum lives: held in memory, or stored in the disk cache and read a window at a time, so a
 * dataset whose spectra outgrow the heap still trains (decision record 26).
 */
public sealed interface ClipSpectrum {

    int channels();

    int height();

    int frames();

    /** Heap bytes this spectrum holds while the dataset lives. */
    long heldBytes();

    /** The whole spectrum; a stored one is read from disk on every call, so callers use it and let it go. */
    TrackSpectrum whole();

    /**
     * A spectrum holding frames {@code [start, start + width)} and where the window starts in it: the whole held
     * spectrum, or those frames read from disk into {@code scratch} ({@code channels · height · width} floats).
     *
     * @throws UncheckedIOException when a stored spectrum cannot be read any more
     */
    Window window(int start, int width, float[] scratch);

    /** A spectrum and the frame in it where a window starts. */
    record Window(TrackSpectrum spectrum, int startFrame) {
    }

    /** The spectrum kept in memory. */
    record Held(TrackSpectrum spectrum) implements ClipSpectrum {

        public Held {
            Objects.requireNonNull(spectrum, "spectrum");
        }

        @Override
        public int channels() {
            return spectrum.channels();
        }

        @Override
        public int height() {
            return spectrum.height();
        }

        @Override
        public int frames() {
            return spectrum.frames();
        }

        @Override
        public long heldBytes() {
            return 4L * spectrum.db().length;
        }

        @Override
        public TrackSpectrum whole() {
            return spectrum;
        }

        @Override
        public Window window(int start, int width, float[] scratch) {
            return new Window(spectrum, start);
        }
    }

    /** The spectrum in the disk cache ({@link SpectrumFile}); nothing of it stays in memory. */
    record Stored(Path file, int channels, int height, int frames, boolean padded) implements ClipSpectrum {

        public Stored {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public long heldBytes() {
            return 0;
        }

        @Override
        public TrackSpectrum whole() {
            float[] db = new float[channels * height * frames];
            read(0, frames, db);
            return new TrackSpectrum(db, channels, height, frames, padded);
        }

        @Override
        public Window window(int start, int width, float[] scratch) {
            read(start, width, scratch);
            return new Window(new TrackSpectrum(scratch, channels, height, width, padded), 0);
        }

        private void read(int start, int width, float[] into) {
            try {
                SpectrumFile.readFrames(file, new SpectrumFile.Shape(channels, height, frames, padded), start, width,
                        into);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the cached spectrum " + file + " that training keeps on "
                        + "disk (" + e.getMessage() + "); keep the spectrum cache folder in place while training runs",
                        e);
            }
        }
    }
}
