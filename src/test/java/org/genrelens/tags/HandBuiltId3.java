package org.genrelens.tags;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Wraps an untagged MP3 in tags assembled byte by byte, the way older taggers and iTunes leave them and ffmpeg never
 * does: an ID3v2.3 tag with the date split over TYER and TDAT plus a v2.4-style TDRC, an iTunNORM comment beside the
 * user's comment, padding, and an ID3v1.1 tag at the end.
 */
final class HandBuiltId3 {

    private HandBuiltId3() {
    }

    static void wrap(Path mp3) throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        frames.writeBytes(frame("TIT2", text("Title")));
        frames.writeBytes(frame("TPE1", text("Artist")));
        frames.writeBytes(frame("TYER", text("2019")));
        frames.writeBytes(frame("TDAT", text("0405")));
        frames.writeBytes(frame("TDRC", text("2019-05-04")));
        frames.writeBytes(frame("TRCK", text("3/12")));
        frames.writeBytes(frame("COMM", comment("iTunNORM", " 00000A2C 00000B1D 0000A8F2 0000C4B0")));
        frames.writeBytes(frame("COMM", comment("", "Comment text")));
        frames.writeBytes(frame("TCON", text("Blues")));
        wrap(mp3, frames.toByteArray(), id3v1());
    }

    /** Puts an ID3v2.3 tag holding just these frames (see {@link #frame}) before the audio of an untagged MP3. */
    static void wrapInId3v23(Path mp3, byte[]... frames) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] frame : frames) {
            body.writeBytes(frame);
        }
        wrap(mp3, body.toByteArray(), new byte[0]);
    }

    private static void wrap(Path mp3, byte[] body, byte[] id3v1) throws IOException {
        int size = body.length + 512; // padding, as taggers leave room to grow
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, (byte) (size >> 21 & 0x7f), (byte) (size >> 14 & 0x7f),
                (byte) (size >> 7 & 0x7f), (byte) (size & 0x7f)});
        file.writeBytes(body);
        file.writeBytes(new byte[512]);
        file.writeBytes(Files.readAllBytes(mp3));
        file.writeBytes(id3v1);
        Files.write(mp3, file.toByteArray());
    }

    /** An ID3v2.3 frame: id, 4-byte size, no flags, body. */
    static byte[] frame(String id, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {(byte) (body.length >>> 24), (byte) (body.length >>> 16), (byte) (body.length >>> 8),
                (byte) body.length, 0, 0});
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** ISO-8859-1 text (encoding byte 0). */
    static byte[] text(String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static byte[] comment(String description, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.writeBytes("eng".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(description.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** ID3v1.1: title, artist, album, year, comment, track 3, genre 0 (Blues). */
    private static byte[] id3v1() {
        byte[] tag = new byte[128];
        put(tag, 0, "TAG");
        put(tag, 3, "Title");
        put(tag, 33, "Artist");
        put(tag, 63, "Album");
        put(tag, 93, "2019");
        put(tag, 97, "Comment text");
        tag[126] = 3;
        tag[127] = 0;
        return tag;
    }

    private static void put(byte[] tag, int offset, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(bytes, 0, tag, offset, bytes.length);
    }
}
