package org.genrelens.library;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;

/**
 * Ogg pages in a file's tail, digested without the parts a tag edit changes. A longer comment can push the
 * audio pages back by one page: their sequence numbers and CRCs change, their granule positions, serial number
 * and packet data do not. Header pages (granule position 0: identification, comment, setup) are skipped.
 */
final class OggAudioPages {

    private OggAudioPages() {
    }

    /** Digests the complete audio pages within the last {@code window} bytes; false when there are none. */
    static boolean digestTail(SeekableByteChannel channel, int window, MessageDigest digest) throws IOException {
        long size = channel.size();
        long start = Math.max(0, size - window);
        byte[] b = AudioFingerprint.read(channel, start, (int) (size - start));
        int pages = 0;
        int pos = firstCapture(b, 0);
        while (pos >= 0 && pos + 27 <= b.length) {
            int segments = b[pos + 26] & 0xFF;
            int bodyAt = pos + 27 + segments;
            if (b[pos + 4] != 0 || bodyAt > b.length) {
                pos = firstCapture(b, pos + 1);
                continue;
            }
            int body = 0;
            for (int i = 0; i < segments; i++) {
                body += b[pos + 27 + i] & 0xFF;
            }
            if (bodyAt + body > b.length) {
                break;
            }
            if (!granuleIsZero(b, pos)) {
                digest.update(b, pos, 18); // capture, version, type, granule position, serial number
                digest.update(b, pos + 26, 1 + segments + body); // segment table and packet data
                pages++;
            }
            pos = bodyAt + body;
        }
        return pages > 0;
    }

    private static boolean granuleIsZero(byte[] b, int page) {
        for (int i = 6; i < 14; i++) {
            if (b[page + i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int firstCapture(byte[] b, int from) {
        for (int i = from; i + 4 <= b.length; i++) {
            if (b[i] == 'O' && b[i + 1] == 'g' && b[i + 2] == 'g' && b[i + 3] == 'S') {
                return i;
            }
        }
        return -1;
    }
}
