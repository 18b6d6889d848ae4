package org.genrelens.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Cuts whole pages out of an Ogg file, for tests of damage that page checksums cannot see. */
final class OggPages {

    private OggPages() {
    }

    /**
     * Writes {@code source} without the middle third of its pages: the header pages and the last (end-of-stream)
     * page stay, and every page left is intact, so only the gap in page sequence numbers and the missing samples
     * give the damage away.
     */
    static Path withoutMiddlePages(Path source, Path target) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        List<int[]> pages = new ArrayList<>();
        int pos = 0;
        while (pos + 27 <= bytes.length) {
            if (!ContentSniffer.startsWith(bytes, pos, "OggS")) {
                throw new IOException("no Ogg page at offset " + pos);
            }
            int segments = bytes[pos + 26] & 0xFF;
            int length = 27 + segments;
            for (int s = 0; s < segments; s++) {
                length += bytes[pos + 27 + s] & 0xFF;
            }
            pages.add(new int[] {pos, length});
            pos += length;
        }
        if (pages.size() < 8) {
            throw new IOException("too few pages to cut (" + pages.size() + "); use a longer file");
        }
        int from = pages.size() / 3;
        int to = 2 * pages.size() / 3;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < pages.size(); i++) {
            if (i < from || i >= to) {
                out.write(bytes, pages.get(i)[0], pages.get(i)[1]);
            }
        }
        return Files.write(target, out.toByteArray());
    }
}
