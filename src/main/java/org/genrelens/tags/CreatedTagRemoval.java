package org.genrelens.tags;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Takes out, byte for byte, an ID3 tag that a GenreLens write added to a file that had none, so undo gives back the
 * file's tags exactly: the leading ID3v2 tag of an MP3, or the {@code id3 } chunk of a WAV or AIFF file. JAudioTagger
 * cannot do this cleanly (deleting an MP3's ID3v2 tag leaves its bytes behind with a blanked header).
 */
final class CreatedTagRemoval {

    private CreatedTagRemoval() {
    }

    /** Removes the ID3 tag from {@code file} (a temporary copy, rewritten whole); false when it has none. */
    static boolean removeId3(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] without = switch (AudioTags.extension(file)) {
            case "mp3" -> withoutLeadingId3v2(bytes);
            case "wav" -> withoutChunk(bytes, ByteOrder.LITTLE_ENDIAN);
            case "aif", "aiff", "aifc" -> withoutChunk(bytes, ByteOrder.BIG_ENDIAN);
            default -> null;
        };
        if (without == null) {
            return false;
        }
        Files.write(file, without);
        return true;
    }

    private static byte[] withoutLeadingId3v2(byte[] b) {
        if (b.length < 10 || !ascii(b, 0, 3).equals("ID3")) {
            return null;
        }
        int size = (b[6] & 0x7f) << 21 | (b[7] & 0x7f) << 14 | (b[8] & 0x7f) << 7 | (b[9] & 0x7f);
        int end = 10 + size + ((b[5] & 0x10) != 0 ? 10 : 0);
        // JAudioTagger may pad with zeros past the declared size; the audio starts at the next MPEG sync word
        while (end + 1 < b.length && b[end] == 0 && !((b[end] & 0xff) == 0xff && (b[end + 1] & 0xe0) == 0xe0)) {
            end++;
        }
        return end > b.length ? null : java.util.Arrays.copyOfRange(b, end, b.length);
    }

    /** The RIFF/IFF file without its ID3 chunk ("id3 " or "ID3 "), its container size fixed. */
    private static byte[] withoutChunk(byte[] b, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.wrap(b).order(order);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, 12);
        boolean removed = false;
        int pos = 12;
        while (pos + 8 <= b.length) {
            int size = buffer.getInt(pos + 4);
            int end = (int) Math.min(b.length, pos + 8L + size + (size & 1));
            if (ascii(b, pos, 4).equalsIgnoreCase("id3 ")) {
                removed = true;
            } else {
                out.write(b, pos, end - pos);
            }
            pos = end;
        }
        if (!removed) {
            return null;
        }
        out.write(b, pos, b.length - pos);
        byte[] result = out.toByteArray();
        ByteBuffer.wrap(result).order(order).putInt(4, result.length - 8);
        return result;
    }

    private static String ascii(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }
}
