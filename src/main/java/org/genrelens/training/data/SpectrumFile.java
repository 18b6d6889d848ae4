package org.genrelens.training.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.TrackSpectrum;

/**
 * One cached {@link TrackSpectrum} on disk: a small header (magic, version, spec hash, shape) and the float32 dB
 * values, little-endian. The file name is a hash of the spec and of the audio file's path, size and modification
 * time, so a changed spec or an edited audio file simply misses, and a stale entry is never read.
 */
final class SpectrumFile {

    private static final int MAGIC = 0x474C5350; // "GLSP"
    private static final int VERSION = 1;
    private static final int HASH_BYTES = 64;
    private static final int HEADER_BYTES = 4 + 4 + HASH_BYTES + 4 + 4 + 4 + 1;

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

    /** The stored spectrum, or empty when the file is missing or was written for another spec or shape. */
    static Optional<TrackSpectrum> read(Path file, FeatureSpec spec) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < HEADER_BYTES || in.getInt() != MAGIC || in.getInt() != VERSION) {
            return Optional.empty();
        }
        byte[] hash = new byte[HASH_BYTES];
        in.get(hash);
        int channels = in.getInt();
        int height = in.getInt();
        int frames = in.getInt();
        boolean padded = in.get() != 0;
        boolean matches = new String(hash, StandardCharsets.US_ASCII).equals(spec.hash())
                && channels == spec.channels() && height == spec.height() && frames >= spec.framesPerWindow()
                && in.remaining() == (long) channels * height * frames * Float.BYTES;
        if (!matches) {
            return Optional.empty();
        }
        float[] db = new float[channels * height * frames];
        in.asFloatBuffer().get(db);
        return Optional.of(new TrackSpectrum(db, channels, height, frames, padded));
    }

    /** Writes the whole file or nothing: a temporary sibling renamed over the target, so readers never see half. */
    static void write(Path file, FeatureSpec spec, TrackSpectrum spectrum) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + spectrum.db().length * Float.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC).putInt(VERSION).put(spec.hash().getBytes(StandardCharsets.US_ASCII))
                .putInt(spectrum.channels()).putInt(spectrum.height()).putInt(spectrum.frames())
                .put((byte) (spectrum.padded() ? 1 : 0));
        out.asFloatBuffer().put(spectrum.db());
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

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
