package org.genrelens.tags;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A size a header claims beyond the file is refused, by name, before JAudioTagger allocates it. */
class ClaimedSizesTest {

    @TempDir
    static Path sources;

    @TempDir
    Path dir;

    @BeforeAll
    static void encode() throws IOException {
        TestTracks.encodeAll(sources);
    }

    @Test
    void everyWellFormedFormatPassesTheCheck() throws Exception {
        for (String format : TestTracks.FORMATS) {
            ClaimedSizes.check(sources.resolve("source." + format));
        }
    }

    @Test
    void aFlacWhoseVorbisCommentCountClaimsTwoBillionEntriesIsRefusedUntouched() throws Exception {
        Path file = TestTracks.copy(sources, "flac", dir.resolve("a.flac"));
        byte[] bytes = Files.readAllBytes(file);
        int block = vorbisCommentBlock(bytes);
        int vendor = ByteBuffer.wrap(bytes, block, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(block + 4 + vendor, 0x7FFF_FFFF);
        Files.write(file, bytes);

        TagFileException refused = assertThrows(TagFileException.class, () -> AudioTags.open(file));
        assertEquals(TagFileException.Reason.UNREADABLE, refused.reason());
        assertTrue(refused.getMessage().contains("Vorbis comment count claims"), refused.getMessage());
        assertArrayEquals(bytes, Files.readAllBytes(file));
    }

    @Test
    void anM4aWhoseMoovAtomClaimsTwoGigabytesIsRefusedByName() throws Exception {
        Path file = TestTracks.copy(sources, "m4a", dir.resolve("a.m4a"));
        byte[] bytes = Files.readAllBytes(file);
        int moov = indexOf(bytes, "moov");
        ByteBuffer.wrap(bytes).putInt(moov - 4, 0x7FFF_FFFF);
        Files.write(file, bytes);

        TagFileException refused = assertThrows(TagFileException.class, () -> new TagReader().read(file));
        assertTrue(refused.getMessage().contains("MP4 atom 'moov' claims to end at byte"), refused.getMessage());
    }

    @Test
    void aWavWhoseListChunkClaimsMoreThanTheFileIsRefusedButACutDataChunkIsNot() throws Exception {
        Path file = TestTracks.copy(sources, "wav", dir.resolve("a.wav"));
        byte[] bytes = Files.readAllBytes(file);
        int data = indexOf(bytes, "data");
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(data + 4, 0x7FFF_FFF0);
        Files.write(file, bytes);
        ClaimedSizes.check(file); // a stream cut short: nothing after the audio to allocate for

        byte[] list = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).put("LIST".getBytes(StandardCharsets.US_ASCII))
                .putInt(0x7FFF_FFF0).put("INFO".getBytes(StandardCharsets.US_ASCII)).array();
        byte[] original = Files.readAllBytes(sources.resolve("source.wav"));
        byte[] withList = new byte[original.length + list.length];
        System.arraycopy(original, 0, withList, 0, original.length);
        System.arraycopy(list, 0, withList, original.length, list.length);
        ByteBuffer.wrap(withList).order(ByteOrder.LITTLE_ENDIAN).putInt(4, withList.length - 8);
        Files.write(file, withList);
        TagFileException refused = assertThrows(TagFileException.class, () -> ClaimedSizes.check(file));
        assertTrue(refused.getMessage().contains("'LIST' chunk claims"), refused.getMessage());
    }

    private static int vorbisCommentBlock(byte[] b) {
        int at = 4;
        while (true) {
            int length = ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
            if ((b[at] & 0x7F) == 4) {
                return at + 4;
            }
            if ((b[at] & 0x80) != 0) {
                throw new AssertionError("the encoded FLAC has no Vorbis comment");
            }
            at += 4 + length;
        }
    }

    private static int indexOf(byte[] b, String text) {
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + t.length <= b.length; i++) {
            for (int k = 0; k < t.length; k++) {
                if (b[i + k] != t[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(text + " not found");
    }
}
