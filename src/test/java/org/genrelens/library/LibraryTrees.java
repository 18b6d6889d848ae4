package org.genrelens.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.genrelens.testing.TestAudio;

/** Builds music folders for library tests: tiny real WAVs, retagged copies, a sidecar tag reader. */
final class LibraryTrees {

    private LibraryTrees() {
    }

    /** A 0.05 s WAV whose audio is unique to the seed. */
    static Path wav(Path target, long seed) throws IOException {
        Files.createDirectories(target.getParent());
        return TestAudio.writeWav(TestAudio.noise(0.05, 8000, 0.5, seed), 1, 8000, 16, false, target);
    }

    /** {@code count} tiny WAVs spread over 20 folders. */
    static List<Path> manyWavs(Path root, int count) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(wav(root.resolve("album-" + (i % 20)).resolve(String.format("track-%05d.wav", i)), i));
        }
        return files;
    }

    /** Appends a LIST/INFO chunk with a genre (IGNR) after the data chunk: what a tagger does to a WAV. */
    static void retagWav(Path wav, String genre) throws IOException {
        byte[] value = (genre + "\0").getBytes(StandardCharsets.US_ASCII);
        int padded = value.length + (value.length & 1);
        ByteBuffer chunk = ByteBuffer.allocate(8 + 4 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        chunk.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + padded)
                .put("INFO".getBytes(StandardCharsets.US_ASCII)).put("IGNR".getBytes(StandardCharsets.US_ASCII))
                .putInt(value.length).put(value);
        byte[] old = Files.readAllBytes(wav);
        ByteBuffer out = ByteBuffer.allocate(old.length + chunk.capacity()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(old).put(chunk.array());
        out.putInt(4, out.capacity() - 8); // RIFF size
        Files.write(wav, out.array());
    }

    /** Puts an ID3v2.3 tag with a TCON (genre) frame in front of an MP3, or replaces the one it has. */
    static void retagMp3(Path mp3, String genre) throws IOException {
        byte[] old = Files.readAllBytes(mp3);
        int audioStart = 0;
        if (old.length > 10 && old[0] == 'I' && old[1] == 'D' && old[2] == '3') {
            audioStart = 10 + ((old[6] & 0x7F) << 21 | (old[7] & 0x7F) << 14 | (old[8] & 0x7F) << 7 | (old[9] & 0x7F));
        }
        byte[] text = ("\0" + genre).getBytes(StandardCharsets.ISO_8859_1);
        int padding = 37; // an odd amount, as taggers leave
        int tagSize = 10 + text.length + padding;
        ByteBuffer tag = ByteBuffer.allocate(10 + tagSize);
        tag.put("ID3".getBytes(StandardCharsets.US_ASCII)).put((byte) 3).put((byte) 0).put((byte) 0)
                .put((byte) (tagSize >> 21 & 0x7F)).put((byte) (tagSize >> 14 & 0x7F))
                .put((byte) (tagSize >> 7 & 0x7F)).put((byte) (tagSize & 0x7F));
        tag.put("TCON".getBytes(StandardCharsets.US_ASCII)).putInt(text.length).putShort((short) 0).put(text);
        byte[] out = new byte[tag.capacity() + old.length - audioStart];
        System.arraycopy(tag.array(), 0, out, 0, tag.capacity());
        System.arraycopy(old, audioStart, out, tag.capacity(), old.length - audioStart);
        Files.write(mp3, out);
    }

    /** Reads tags from {@code <file>.tags} (a properties file) when there is one: a reader the test controls. */
    static final class SidecarTags implements ExistingTagsReader {
        int reads;

        @Override
        public Optional<ExistingTags> read(Path file) throws IOException {
            reads++;
            Path sidecar = file.resolveSibling(file.getFileName() + ".tags");
            if (!Files.exists(sidecar)) {
                return Optional.empty();
            }
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(sidecar, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            String genres = p.getProperty("genres", "");
            return Optional.of(new ExistingTags(p.getProperty("title"), p.getProperty("artist"),
                    p.getProperty("album"), genres.isEmpty() ? List.of() : List.of(genres.split(";"))));
        }
    }
}
