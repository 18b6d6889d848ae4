package org.genrelens.tags;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The two header packets of an Ogg Opus stream (RFC 7845 section 3) and the pages that hold them: the first page holds
 * the identification header ("OpusHead") alone; the comment header ("OpusTags", then Vorbis comments without the
 * framing bit) starts on the stream's second page and may span several. Every header page's checksum is checked, so a
 * damaged header is refused rather than read as tags.
 *
 * @param idPage        the first page
 * @param commentPages  the pages holding the comment header, in order
 * @param commentPacket the whole comment header packet
 * @param endsItsPage   whether the comment header is the last thing on its last page, as RFC 7845 requires (audio
 *                      starts on a fresh page)
 * @param interleaved   whether pages of another logical stream sit among the header pages (a multiplexed file)
 */
record OggOpusHeader(OggPage idPage, List<OggPage> commentPages, byte[] commentPacket, boolean endsItsPage,
        boolean interleaved) {

    static final String ID_MAGIC = "OpusHead";
    static final String COMMENT_MAGIC = "OpusTags";

    OggOpusHeader {
        commentPages = List.copyOf(commentPages);
    }

    /** Whether this file's first Ogg page starts an Opus stream (whatever the file is named). */
    static boolean isOpus(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            OggPage first = OggPage.read(channel, 0);
            return holdsOpusHead(first);
        } catch (IOException e) {
            return false;
        }
    }

    static OggOpusHeader read(FileChannel channel) throws IOException {
        OggPage id = OggPage.read(channel, 0);
        if (!holdsOpusHead(id) || (id.flags() & OggPage.FIRST) == 0) {
            throw new IOException("it is not an Ogg Opus stream: its first page does not start with " + ID_MAGIC);
        }
        checked(id, "identification header");
        List<OggPage> pages = new ArrayList<>();
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        boolean interleaved = false;
        long at = id.end();
        while (true) {
            OggPage page = OggPage.read(channel, at);
            at = page.end();
            if (page.serial() != id.serial()) {
                interleaved = true;
                continue;
            }
            boolean continued = (page.flags() & OggPage.CONTINUED) != 0;
            if (continued == pages.isEmpty()) {
                throw new IOException("the Ogg page at byte " + page.offset() + (pages.isEmpty()
                        ? " continues a packet, where the Opus comment header should start"
                        : " does not continue the Opus comment header, which is not finished"));
            }
            checked(page, "comment header");
            pages.add(page);
            int body = page.bodyStart();
            for (int i = 0; i < page.segments(); i++) {
                int lace = page.lace(i);
                packet.write(page.bytes(), body, lace);
                body += lace;
                if (lace < 255) {
                    byte[] comment = packet.toByteArray();
                    if (!new String(comment, 0, Math.min(8, comment.length), StandardCharsets.ISO_8859_1)
                            .equals(COMMENT_MAGIC)) {
                        throw new IOException("its second Opus packet is not the " + COMMENT_MAGIC + " comment header");
                    }
                    return new OggOpusHeader(id, pages, comment, i == page.segments() - 1, interleaved);
                }
            }
        }
    }

    /** Channel count from the identification header (byte 9 of "OpusHead"). */
    int channels() {
        return idPage.bytes()[idPage.bodyStart() + 9] & 0xFF;
    }

    long commentStart() {
        return commentPages.get(0).offset();
    }

    long commentEnd() {
        return commentPages.get(commentPages.size() - 1).end();
    }

    private static void checked(OggPage page, String what) throws IOException {
        if (!page.checksumMatches()) {
            throw new IOException("the Ogg page at byte " + page.offset() + " (its Opus " + what
                    + ") fails its checksum: the file is damaged");
        }
    }

    /** Whether the page's body starts with an identification header (at least 19 bytes long). */
    private static boolean holdsOpusHead(OggPage page) {
        int body = page.bodyStart();
        return page.bytes().length >= body + 19
                && new String(page.bytes(), body, ID_MAGIC.length(), StandardCharsets.ISO_8859_1).equals(ID_MAGIC);
    }
}
