package org.genrelens.tags;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.flac.metadatablock.MetadataBlockDataPicture;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.TagField;
import org.jaudiotagger.tag.aiff.AiffTag;
import org.jaudiotagger.tag.flac.FlacTag;
import org.jaudiotagger.tag.vorbiscomment.VorbisCommentTag;
import org.jaudiotagger.tag.wav.WavTag;

/**
 * Takes a {@link TagSnapshot} of a file. Tags are read as raw bytes straight from the file wherever JAudioTagger
 * would hide a change behind its parsing: ID3v2 frames (text frames without their optional trailing NUL, which
 * JAudioTagger drops), the ID3v1 tag, an APE tag at the end of an MP3, every MP4 {@code ilst} item (JAudioTagger
 * turns binary freeform data into text) and every Vorbis comment (it upper-cases names and decodes values as UTF-8),
 * with whatever follows the comments in an Opus comment header.
 * FLAC pictures and WAV INFO fields come from JAudioTagger, re-serialised.
 */
final class TagSnapshots {

    private static final HexFormat HEX = HexFormat.of();

    private TagSnapshots() {
    }

    static TagSnapshot of(AudioFile audio, Path file) throws TagFileException {
        List<String> tags = new ArrayList<>();
        SortedMap<String, List<String>> fields = new TreeMap<>();
        try {
            if (audio instanceof MP3File) {
                id3v2(file, tags, fields);
                RawTrailingTags.read(file, tags, fields);
            } else if (AudioTags.extension(file).matches("m4a|m4b|mp4|aac")) {
                Mp4Items.read(file, tags, fields);
            } else {
                Tag tag = audio.getTag();
                if (tag instanceof FlacTag flac) {
                    vorbis(file, tags, fields);
                    for (MetadataBlockDataPicture picture : flac.getImages()) {
                        add(fields, "FLAC PICTURE", picture.getRawContent());
                    }
                } else if (tag instanceof VorbisCommentTag) {
                    vorbis(file, tags, fields);
                } else if (tag instanceof WavTag wav) {
                    id3v2(file, tags, fields);
                    if (wav.isExistingInfoTag() && wav.getInfoTag() != null) {
                        generic("INFO", wav.getInfoTag(), tags, fields);
                    }
                } else if (tag instanceof AiffTag) {
                    id3v2(file, tags, fields);
                } else if (tag != null) {
                    generic(tag.getClass().getSimpleName(), tag, tags, fields);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new TagFileException(file, TagFileException.Reason.UNREADABLE,
                    "cannot read all of its tags (" + e.getMessage() + "); check that it plays, or re-encode it", e);
        }
        return new TagSnapshot(tags, fields);
    }

    private static void id3v2(Path file, List<String> tags, SortedMap<String, List<String>> fields)
            throws IOException {
        RawId3v2 id3 = RawId3v2.read(file);
        if (id3 != null) {
            tags.add(id3.version());
            for (RawId3v2.Frame frame : id3.frames()) {
                add(fields, id3.version() + " " + frame.id(), withoutTerminator(frame));
            }
        }
    }

    private static void vorbis(Path file, List<String> tags, SortedMap<String, List<String>> fields)
            throws IOException {
        VorbisComments comments = VorbisComments.read(file);
        if (comments == null) {
            return;
        }
        tags.add("Vorbis");
        add(fields, "Vorbis vendor", comments.vendor());
        for (byte[] entry : comments.entries()) {
            add(fields, "Vorbis " + VorbisComments.name(entry), entry);
        }
        if (comments.trailing().length > 0) {
            // lower case, like "vendor": no comment's key (upper-cased) can be the same
            add(fields, "Vorbis data after the comments", comments.trailing());
        }
    }

    private static void generic(String name, Tag tag, List<String> tags, SortedMap<String, List<String>> fields)
            throws UnsupportedEncodingException {
        tags.add(name);
        for (Iterator<TagField> it = tag.getFields(); it.hasNext(); ) {
            TagField field = it.next();
            add(fields, name + " " + field.getId(), field.getRawContent());
        }
    }

    /** The MP4 freeform ({@code ----}) items of a file as bytes on disk, in file order. */
    static List<byte[]> mp4FreeformItems(Path file) throws IOException {
        List<byte[]> items = Mp4Items.items(file);
        List<byte[]> freeform = new ArrayList<>();
        if (items != null) {
            for (byte[] item : items) {
                if (ascii(item, 4, 4).equals("----")) {
                    freeform.add(item);
                }
            }
        }
        return freeform;
    }

    /**
     * A text or URL frame's body without its trailing NULs: the terminator is optional, ffmpeg writes it and
     * JAudioTagger drops it, and either way the value is the same.
     */
    private static byte[] withoutTerminator(RawId3v2.Frame frame) {
        byte[] body = frame.body();
        if (!frame.id().startsWith("T") && !frame.id().startsWith("W")) {
            return body;
        }
        int end = body.length;
        while (end > 1 && body[end - 1] == 0) {
            end--;
        }
        return java.util.Arrays.copyOf(body, end);
    }

    static void add(SortedMap<String, List<String>> fields, String key, byte[] value) {
        fields.computeIfAbsent(key, k -> new ArrayList<>()).add(HEX.formatHex(value));
    }

    /** ID3v1 and APE tags at the end of an MP3, as the bytes on disk. */
    private static final class RawTrailingTags {

        static void read(Path file, List<String> tags, SortedMap<String, List<String>> fields) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long end = channel.size();
                byte[] last = bytes(channel, end - 128, 128);
                if (last != null && ascii(last, 0, 3).equals("TAG")) {
                    tags.add("ID3v1");
                    add(fields, "ID3v1 bytes", last);
                    end -= 128;
                }
                byte[] footer = bytes(channel, end - 32, 32);
                if (footer != null && ascii(footer, 0, 8).equals("APETAGEX")) {
                    ByteBuffer le = ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN);
                    long size = le.getInt(12) & 0xffffffffL;
                    boolean header = (le.getInt(20) & 0x80000000) != 0;
                    long start = end - size - (header ? 32 : 0);
                    byte[] ape = bytes(channel, start, (int) Math.min(end - start, 16 << 20));
                    tags.add("APE");
                    add(fields, "APE bytes", ape == null ? footer : ape);
                }
            }
        }
    }

    /** The {@code moov/udta/meta/ilst} items of an MP4 file, each as its bytes on disk, keyed by type and name. */
    private static final class Mp4Items {

        static void read(Path file, List<String> tags, SortedMap<String, List<String>> fields) throws IOException {
            List<byte[]> items = items(file);
            if (items == null) {
                return;
            }
            tags.add("MP4");
            for (byte[] item : items) {
                String type = new String(item, 4, 4, StandardCharsets.ISO_8859_1);
                add(fields, "MP4 " + (type.equals("----") ? freeformName(item) : type), item);
            }
        }

        /** Every ilst item, header included, in file order; null when the file has no ilst. */
        static List<byte[]> items(Path file) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long[] moov = child(channel, 0, channel.size(), "moov");
                long[] udta = moov == null ? null : child(channel, moov[0], moov[1], "udta");
                long[] meta = udta == null ? null : child(channel, udta[0], udta[1], "meta");
                // meta is a full box: version and flags come before its children
                long[] ilst = meta == null ? null : child(channel, meta[0] + 4, meta[1], "ilst");
                if (ilst == null) {
                    return null;
                }
                List<byte[]> items = new ArrayList<>();
                long pos = ilst[0];
                while (pos + 8 <= ilst[1]) {
                    byte[] header = bytes(channel, pos, 8);
                    long size = ByteBuffer.wrap(header).getInt(0) & 0xffffffffL;
                    if (size < 8 || pos + size > ilst[1]) {
                        throw new IOException("damaged MP4 tag item at byte " + pos);
                    }
                    items.add(bytes(channel, pos, (int) size));
                    pos += size;
                }
                return items;
            }
        }

        /** "----:MEAN:NAME" from a freeform item's mean and name boxes. */
        private static String freeformName(byte[] item) {
            StringBuilder name = new StringBuilder("----");
            ByteBuffer b = ByteBuffer.wrap(item);
            int pos = 8;
            while (pos + 12 <= item.length) {
                int size = b.getInt(pos);
                String type = new String(item, pos + 4, 4, StandardCharsets.ISO_8859_1);
                if (size < 12 || pos + size > item.length) {
                    break;
                }
                if (type.equals("mean") || type.equals("name")) {
                    name.append(':').append(new String(item, pos + 12, size - 12, StandardCharsets.UTF_8));
                }
                pos += size;
            }
            return name.toString();
        }

        /** {start of content, end} of the first child box of this type within [from, to), or null. */
        private static long[] child(FileChannel channel, long from, long to, String type) throws IOException {
            long pos = from;
            while (pos + 8 <= to) {
                byte[] header = bytes(channel, pos, 16);
                if (header == null) {
                    header = bytes(channel, pos, 8);
                }
                ByteBuffer b = ByteBuffer.wrap(header);
                long size = b.getInt(0) & 0xffffffffL;
                int headerLength = 8;
                if (size == 1 && header.length == 16) {
                    size = b.getLong(8);
                    headerLength = 16;
                } else if (size == 0) {
                    size = to - pos;
                }
                if (size < headerLength || pos + size > to) {
                    throw new IOException("damaged MP4 box at byte " + pos);
                }
                if (ascii(header, 4, 4).equals(type)) {
                    return new long[] {pos + headerLength, pos + size};
                }
                pos += size;
            }
            return null;
        }
    }

    /** {@code length} bytes at {@code position}, or null when the file does not hold them. */
    private static byte[] bytes(FileChannel channel, long position, int length) throws IOException {
        if (position < 0 || position + length > channel.size()) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                return null;
            }
        }
        return buffer.array();
    }

    private static String ascii(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.ISO_8859_1);
    }
}
