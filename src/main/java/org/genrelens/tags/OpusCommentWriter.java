package org.genrelens.tags;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replaces the genre comments of an Ogg Opus file in place (the caller's temporary copy): the comment header packet is
 * rebuilt from its bytes on disk with only the GENRE entries changed (vendor, other comments and any data after them
 * kept byte for byte) and laid out again on pages of up to 255 segments, as ffmpeg and libogg do; the identification
 * page and every audio page keep their bytes, except that when the comment header now takes more or fewer pages the
 * stream's later pages get new sequence numbers and checksums. Granule positions are never changed. Every page is
 * checked (structure, length, checksum) before the file is changed, so a damaged or cut-short file is refused whole.
 * JAudioTagger 3.0.1 cannot write Opus at all; decision 0024 says why this is not a library.
 */
final class OpusCommentWriter {

    private static final int MAX_LACES = 255;

    private OpusCommentWriter() {
    }

    static void replaceGenres(Path file, Path shownAs, List<String> genres) throws TagFileException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            OggOpusHeader header = OggOpusHeader.read(channel);
            if (header.interleaved()) {
                throw refuse(shownAs, "other streams' pages sit among its Opus header pages (a multiplexed Ogg "
                        + "file)");
            }
            if (!header.endsItsPage()) {
                throw refuse(shownAs, "its first audio packet shares a page with the comment header, which RFC 7845 "
                        + "does not allow");
            }
            byte[] packet = VorbisComments.parseOggPacket(header.commentPacket()).withGenres(genres).opusPacket();
            List<OggPage> pages = paginate(packet, header);
            int shift = pages.size() - header.commentPages().size();
            List<Long> renumber = checkedStreamPages(channel, header, shift != 0);
            long tail = header.commentEnd();
            long tailLength = channel.size() - tail;
            long newTail = header.commentStart() + pages.stream().mapToLong(p -> p.bytes().length).sum();
            for (long offset : renumber) { // in place, before the move: the pages are where they were read
                OggPage page = OggPage.read(channel, offset);
                writeFully(channel, page.renumbered(page.sequence() + shift).bytes(), offset);
            }
            move(channel, tail, newTail, tailLength);
            long at = header.commentStart();
            for (OggPage page : pages) {
                writeFully(channel, page.bytes(), at);
                at += page.bytes().length;
            }
            channel.truncate(newTail + tailLength);
            channel.force(true);
        } catch (IOException e) {
            throw new TagFileException(shownAs, TagFileException.Reason.UNREADABLE, "cannot write its Opus tags: "
                    + TagFileException.describe(e, file) + "; it is left untouched (check that it plays, or "
                    + "re-encode it)", e);
        }
    }

    private static TagFileException refuse(Path file, String why) {
        return new TagFileException(file, TagFileException.Reason.UNSUPPORTED_FORMAT, why + "; GenreLens does not "
                + "write its tags, and it is left untouched");
    }

    /**
     * The comment header packet on pages of up to 255 segments, numbered from the old first comment page. Only the
     * last page ends a packet, so it takes the old last page's granule position; the others take the one the old
     * pages used where no packet ended (-1 when the old header had one page).
     */
    private static List<OggPage> paginate(byte[] packet, OggOpusHeader header) {
        List<OggPage> old = header.commentPages();
        OggPage first = old.get(0);
        long lastGranule = old.get(old.size() - 1).granule();
        long openGranule = old.size() > 1 ? first.granule() : OggPage.NO_GRANULE;
        int laces = packet.length / 255 + 1; // the last lace is under 255, zero when the length is a multiple
        List<OggPage> pages = new ArrayList<>();
        int at = 0;
        for (int lace = 0; lace < laces; lace += MAX_LACES) {
            int count = Math.min(MAX_LACES, laces - lace);
            boolean last = lace + count == laces;
            byte[] lacing = new byte[count];
            Arrays.fill(lacing, (byte) 255);
            int length = count * 255;
            if (last) {
                lacing[count - 1] = (byte) (packet.length % 255);
                length = packet.length - at;
            }
            int flags = lace == 0 ? first.flags() : OggPage.CONTINUED;
            pages.add(OggPage.build(flags, last ? lastGranule : openGranule, first.serial(),
                    first.sequence() + pages.size(), lacing, Arrays.copyOfRange(packet, at, at + length)));
            at += length;
        }
        return pages;
    }

    /**
     * Reads every page after the headers, refusing the file at the first damaged one, and returns where this stream's
     * pages up to its last are (those to renumber) when {@code collect} is set.
     */
    private static List<Long> checkedStreamPages(FileChannel channel, OggOpusHeader header, boolean collect)
            throws IOException {
        List<Long> ours = new ArrayList<>();
        int serial = header.idPage().serial();
        boolean ended = (header.idPage().flags() & OggPage.LAST) != 0;
        long at = header.commentEnd();
        while (at < channel.size()) {
            OggPage page = OggPage.read(channel, at);
            if (!page.checksumMatches()) {
                throw new IOException("the Ogg page at byte " + at + " fails its checksum: the file is damaged");
            }
            if (page.serial() == serial && !ended) {
                if (collect) {
                    ours.add(at);
                }
                ended = (page.flags() & OggPage.LAST) != 0;
            }
            at = page.end();
        }
        return ours;
    }

    /** Moves {@code length} bytes within the file; the ranges may overlap. */
    private static void move(FileChannel channel, long from, long to, long length) throws IOException {
        if (from == to) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        for (long done = 0; done < length; ) {
            int n = (int) Math.min(buffer.capacity(), length - done);
            // growing: copy from the end backwards, so nothing is overwritten before it is read
            long offset = to > from ? length - done - n : done;
            buffer.clear().limit(n);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, from + offset + buffer.position()) < 0) {
                    throw new IOException("the file ended while its pages were being moved");
                }
            }
            writeFully(channel, Arrays.copyOf(buffer.array(), n), to + offset);
            done += n;
        }
    }

    private static void writeFully(FileChannel channel, byte[] bytes, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
        }
    }
}
