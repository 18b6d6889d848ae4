package org.genrelens.training.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TrackSpectrum;

/**
 * One cached {@link TrackSpectrum} on disk: a small header (magic, version, spec hash, shape) and the float32 dB
 * values, little-endian, frame by frame ({@code [frames][channels][height]}), so one training window is one
 * contiguous read. The file name is a hash of the spec and of the audio file's path, size and modification time, so a
 * changed spec or an edited audio file simply misses, and a stale entry is never read.
 */
final class SpectrumFile {

    private static final int MAGIC = 0x474C5350; // "GLSP"
    private static final int VERSION = 2; // 1 was band by band; its files miss and are rewritten
    private static final int HASH_BYTES = 64;
    private static final int HEADER_BYTES = 4 + 4 + HASH_BYTES + 4 + 4 + 4 + 1;
    /** Read buffers of the training threads, kept so a window read allocates nothing. */
    private static final ThreadLocal<ByteBuffer> READ_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocate(0));

    /** What a header says: the spectrum's shape. */
    record Shape(int channels, int height, int frames, boolean padded) {

        int rows() {
            return channels * height;
        }

        long bytes() {
            return 4L * rows() * frames;
        }
    }

    private SpectrumFile() {
    }

    /** The cache file for {@code audio} under {@code spec}; reads the audio file's size and modification time. */
    static Path locate(Path directory, FeatureSpec spec, Path audio) throws IOException {
        Path absolute = audio.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        String identity = spec.hash() + "\n" + absolute + "\n" + attributes.size() + "\n"
                + attributes.lastModifiedTime().toMillis();
        return directory.resolve(sha256(identity) + ".spectrum");
    }

    /** The stored shape, or empty when the file is missing, truncated, or was written for another spec or version. */
    static Optional<Shape> shape(Path file, FeatureSpec spec) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            readFully(channel, in, 0);
            in.flip();
            if (in.remaining() < HEADER_BYTES || in.getInt() != MAGIC || in.getInt() != VERSION) {
                return Optional.empty();
            }
            byte[] hash = new byte[HASH_BYTES];
            in.get(hash);
            Shape shape = new Shape(in.getInt(), in.getInt(), in.getInt(), in.get() != 0);
            boolean matches = new String(hash, StandardCharsets.US_ASCII).equals(spec.hash())
                    && shape.channels() == spec.channels() && shape.height() == spec.height()
                    && shape.frames() >= spec.framesPerWindow() && channel.size() == HEADER_BYTES + shape.bytes();
            return matches ? Optional.of(shape) : Optional.empty();
        }
    }

    /** The stored spectrum, or empty when the file is missing or was written for another spec or shape. */
    static Optional<TrackSpectrum> read(Path file, FeatureSpec spec) throws IOException {
        Optional<Shape> shape = shape(file, spec);
        if (shape.isEmpty()) {
            return Optional.empty();
        }
        Shape s = shape.get();
        float[] db = new float[s.rows() * s.frames()];
        readFrames(file, s, 0, s.frames(), db);
        return Optional.of(new TrackSpectrum(db, s.channels(), s.height(), s.frames(), s.padded()));
    }

    /**
     * Frames {@code [start, start + width)} of a file whose shape {@link #shape} read, into {@code out} laid out as a
     * {@link TrackSpectrum} of {@code width} frames ({@code [channels][height][width]}).
     */
    static void readFrames(Path file, Shape shape, int start, int width, float[] out) throws IOException {
        if (start < 0 || width < 1 || start + width > shape.frames()) {
            throw new IllegalArgumentException("frames " + start + " to " + (start + width) + " are outside the "
                    + shape.frames() + " frames of " + file);
        }
        int rows = shape.rows();
        int bytes = 4 * rows * width;
        ByteBuffer buffer = READ_BUFFER.get();
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes);
            READ_BUFFER.set(buffer);
        }
        buffer.clear().limit(bytes);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (!readFully(channel, buffer, HEADER_BYTES + 4L * rows * start)) {
                throw new IOException(file + " ends before frame " + (start + width) + " of the " + shape.frames()
                        + " its header promised: the cache file was cut short while training ran");
            }
        }
        buffer.flip();
        FloatBuffer frames = buffer.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
        for (int t = 0; t < width; t++) {
            for (int row = 0; row < rows; row++) {
                out[row * width + t] = frames.get(t * rows + row);
            }
        }
    }

    /** Writes the whole file or nothing: a temporary sibling renamed over the target, so readers never see half. */
    static void write(Path file, FeatureSpec spec, TrackSpectrum spectrum) throws IOException {
        int rows = spectrum.channels() * spectrum.height();
        int frames = spectrum.frames();
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + spectrum.db().length * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(VERSION).put(spec.hash().getBytes(StandardCharsets.US_ASCII))
                .putInt(spectrum.channels()).putInt(spectrum.height()).putInt(frames)
                .put((byte) (spectrum.padded() ? 1 : 0));
        float[] db = spectrum.db();
        for (int t = 0; t < frames; t++) {
            for (int row = 0; row < rows; row++) {
                out.putFloat(db[row * frames + t]);
            }
        }
        // a unique temporary name: two trials sharing the cache may write the same entry at once
        Path part = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
        try {
            Files.write(part, out.array());
            try {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** @return false when the file ended first */
    private static boolean readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        long at = position;
        while (into.hasRemaining()) {
            int read = channel.read(into, at);
            if (read < 0) {
                return false;
            }
            at += read;
        }
        return true;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
