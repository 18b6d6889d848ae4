package org.genrelens.tags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.genrelens.testing.FfmpegEncoder;
import org.genrelens.testing.TestAudio;
import org.jaudiotagger.audio.AudioFile;
import org.jaudiotagger.audio.AudioFileIO;
import org.jaudiotagger.audio.mp3.MP3File;
import org.jaudiotagger.tag.FieldKey;
import org.jaudiotagger.tag.Tag;
import org.jaudiotagger.tag.id3.AbstractID3v2Frame;
import org.jaudiotagger.tag.id3.AbstractID3v2Tag;
import org.jaudiotagger.tag.id3.ID3v11Tag;
import org.jaudiotagger.tag.id3.ID3v22Tag;
import org.jaudiotagger.tag.id3.framebody.FrameBodyCOMM;
import org.jaudiotagger.tag.images.ArtworkFactory;
import org.jaudiotagger.tag.mp4.Mp4Tag;
import org.jaudiotagger.tag.mp4.field.Mp4TagReverseDnsField;
import org.jaudiotagger.tag.wav.WavTag;

/**
 * Files carrying rich tags, the way other taggers leave them: title, artist, album, album artist, track and disc
 * numbers, date, comment, embedded cover art, ReplayGain, MusicBrainz ids and custom fields, in every writable
 * format and every MP3 tag layout (ID3v2.2/2.3/2.4, ID3v1 alone, ID3v1 beside ID3v2, an APE tag). ffmpeg writes what
 * it can; JAudioTagger adds what ffmpeg cannot (ID3v2.2, Ogg cover art, MP4 freeform atoms, iTunNORM).
 */
final class RichTracks {

    /** Each layout's name is its file name; the extension picks the format. */
    static final List<String> LAYOUTS = List.of("id3v23.mp3", "id3v24.mp3", "id3v22.mp3", "id3v1-only.mp3",
            "id3v1-and-id3v23.mp3", "id3v23-and-ape.mp3", "hand-built-id3v23-and-id3v1.mp3", "rich.flac",
            "rich.ogg", "rich.m4a", "rich.wav", "rich.aiff");

    /** Placeholder text of the MP4 freeform atom that {@link #patchMp4BinaryFreeform} turns into binary data. */
    private static final String BINARY_PLACEHOLDER = "BINARY-PLACEHOLDER";

    /** A FLAC comment that {@link #patchLatin1Comment} turns into Latin-1 (invalid UTF-8), as old taggers wrote. */
    private static final String LATIN1_PLACEHOLDER = "Cafe!";

    private RichTracks() {
    }

    /** Writes every layout into {@code dir} (call once per test class). */
    static void writeAll(Path dir) throws IOException {
        Path wav = TestAudio.writeWav(TestAudio.chord(new double[] {220, 277, 330}, 1.5, 22_050, 0.6), 22_050,
                dir.resolve("plain.wav"));
        Path cover = dir.resolve("cover.png");
        FfmpegEncoder.run(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel", "error", "-y", "-f",
                "lavfi", "-i", "color=c=0x336699:s=48x48", "-frames:v", "1", cover.toString()));
        for (String layout : LAYOUTS) {
            try {
                write(wav, cover, dir.resolve(layout));
            } catch (Exception e) {
                throw new IOException("cannot make the test file " + layout + ": " + e, e);
            }
        }
    }

    /** A fresh copy of a layout, so each test starts from the same rich file. */
    static Path copy(Path dir, String layout, Path target) throws IOException {
        return Files.copy(dir.resolve(layout), target);
    }

    private static void write(Path wav, Path cover, Path target) throws Exception {
        String layout = target.getFileName().toString();
        List<String> args = new ArrayList<>(List.of(FfmpegEncoder.ffmpeg().toString(), "-nostdin", "-loglevel",
                "error", "-y", "-i", wav.toString()));
        boolean handBuilt = layout.startsWith("hand-built");
        boolean ffmpegCover = !handBuilt && layout.matches("id3v2[34].*|.*-and-.*|rich\\.(flac|m4a|aiff)");
        if (ffmpegCover) {
            args.addAll(List.of("-i", cover.toString(), "-map", "0", "-map", "1", "-c:v", "copy",
                    "-disposition:v", "attached_pic"));
        }
        args.addAll(switch (layout) {
            case "id3v23.mp3", "id3v1-and-id3v23.mp3", "id3v23-and-ape.mp3" ->
                    List.of("-c:a", "libmp3lame", "-f", "mp3", "-id3v2_version", "3");
            case "id3v24.mp3" -> List.of("-c:a", "libmp3lame", "-f", "mp3", "-id3v2_version", "4");
            case "id3v22.mp3", "id3v1-only.mp3", "hand-built-id3v23-and-id3v1.mp3" ->
                    List.of("-c:a", "libmp3lame", "-f", "mp3", "-id3v2_version", "0");
            case "rich.flac" -> List.of("-c:a", "flac", "-f", "flac");
            case "rich.ogg" -> List.of("-c:a", "libvorbis", "-f", "ogg");
            case "rich.m4a" -> List.of("-c:a", "aac", "-f", "ipod");
            case "rich.wav" -> List.of("-f", "wav");
            case "rich.aiff" -> List.of("-f", "aiff", "-write_id3v2", "1");
            default -> throw new IllegalArgumentException(layout);
        });
        if (layout.contains("id3v1") && !handBuilt) {
            args.addAll(List.of("-write_id3v1", "1"));
        }
        if (layout.contains("ape")) {
            args.addAll(List.of("-write_apetag", "1"));
        }
        if (!layout.equals("id3v22.mp3") && !handBuilt) {
            args.addAll(metadata(layout));
        }
        args.add(target.toString());
        FfmpegEncoder.run(args);
        if (handBuilt) {
            HandBuiltId3.wrap(target);
        } else {
            addWhatFfmpegCannot(target, cover);
        }
    }

    private static List<String> metadata(String layout) {
        List<String> m = new ArrayList<>();
        put(m, "title", "Title ü 1");
        put(m, "artist", "Artist Ä");
        put(m, "album", "Album");
        put(m, "date", layout.contains("id3v1-only") ? "2019" : "2019-05-04");
        put(m, "track", layout.contains("id3v1-only") ? "3" : "3/12");
        put(m, "comment", "Comment text");
        put(m, "genre", "Blues");
        if (!layout.contains("id3v1-only")) {
            put(m, "album_artist", "Album Artist");
            put(m, "disc", "1/2");
            put(m, "MusicBrainz Track Id", "9b1c3d7e-0000-4000-8000-000000000001");
            put(m, "REPLAYGAIN_TRACK_GAIN", "-6.50 dB");
            put(m, "REPLAYGAIN_TRACK_PEAK", "0.988");
            put(m, "MY_CUSTOM_FIELD", "custom ü value");
            if (layout.endsWith(".flac")) {
                put(m, "LEGACY_LATIN1", LATIN1_PLACEHOLDER);
            }
        }
        return m;
    }

    private static void put(List<String> args, String key, String value) {
        args.add("-metadata");
        args.add(key + "=" + value);
    }

    private static void addWhatFfmpegCannot(Path file, Path cover) throws Exception {
        String name = file.getFileName().toString();
        if (name.equals("rich.flac")) {
            patchLatin1Comment(file);
            return;
        }
        if (name.equals("id3v23-and-ape.mp3") || name.equals("rich.aiff")) {
            return;
        }
        AudioFile audio = AudioFileIO.read(file.toFile());
        if (name.contains("id3v1")) {
            // ffmpeg's ID3v1 holds only the comment; taggers fill all of it
            ID3v11Tag v1 = new ID3v11Tag();
            v1.setField(FieldKey.TITLE, "Title 1");
            v1.setField(FieldKey.ARTIST, "Artist");
            v1.setField(FieldKey.ALBUM, "Album");
            v1.setField(FieldKey.YEAR, "2019");
            v1.setField(FieldKey.TRACK, "3");
            v1.setField(FieldKey.COMMENT, "Comment text");
            v1.setField(FieldKey.GENRE, "Blues");
            ((MP3File) audio).setID3v1Tag(v1);
        }
        switch (name) {
            case "id3v1-only.mp3" -> {
                // the ID3v1 tag above is all it has
            }
            case "id3v22.mp3" -> {
                ID3v22Tag tag = new ID3v22Tag();
                tag.setField(FieldKey.TITLE, "Title ü 1");
                tag.setField(FieldKey.ARTIST, "Artist Ä");
                tag.setField(FieldKey.ALBUM, "Album");
                tag.setField(FieldKey.ALBUM_ARTIST, "Album Artist");
                tag.setField(FieldKey.TRACK, "3");
                tag.setField(FieldKey.YEAR, "2019");
                tag.setField(FieldKey.COMMENT, "Comment text");
                tag.setField(FieldKey.GENRE, "Blues");
                tag.setField(FieldKey.MUSICBRAINZ_TRACK_ID, "9b1c3d7e-0000-4000-8000-000000000001");
                tag.setField(ArtworkFactory.createArtworkFromFile(cover.toFile()));
                ((MP3File) audio).setID3v2Tag(tag);
            }
            case "id3v23.mp3", "id3v24.mp3", "id3v1-and-id3v23.mp3" ->
                    addITunNorm(((MP3File) audio).getID3v2Tag());
            case "rich.ogg" -> audio.getTag().setField(ArtworkFactory.createArtworkFromFile(cover.toFile()));
            case "rich.m4a" -> {
                Mp4Tag tag = (Mp4Tag) audio.getTag();
                tag.addField(new Mp4TagReverseDnsField("----:com.apple.iTunes:iTunNORM", "com.apple.iTunes",
                        "iTunNORM", " 00000A2C 00000B1D 0000A8F2 0000C4B0 00024CA8"));
                tag.addField(new Mp4TagReverseDnsField("----:com.apple.iTunes:MusicBrainz Track Id",
                        "com.apple.iTunes", "MusicBrainz Track Id", "9b1c3d7e-0000-4000-8000-000000000001"));
                tag.addField(new Mp4TagReverseDnsField("----:com.apple.iTunes:replaygain_track_gain",
                        "com.apple.iTunes", "replaygain_track_gain", "-6.50 dB"));
                tag.addField(new Mp4TagReverseDnsField("----:org.example:Blob", "org.example", "Blob",
                        BINARY_PLACEHOLDER));
            }
            case "rich.wav" -> {
                Tag tag = ((WavTag) audio.getTag()).getID3Tag();
                tag.setField(FieldKey.TITLE, "Title ü 1");
                tag.setField(FieldKey.ARTIST, "Artist Ä");
                tag.setField(FieldKey.ALBUM_ARTIST, "Album Artist");
                tag.setField(FieldKey.TRACK, "3");
                tag.setField(FieldKey.DISC_NO, "1");
                tag.setField(FieldKey.MUSICBRAINZ_TRACK_ID, "9b1c3d7e-0000-4000-8000-000000000001");
                tag.setField(ArtworkFactory.createArtworkFromFile(cover.toFile()));
                ((WavTag) audio.getTag()).setExistingId3Tag(true);
            }
            default -> throw new IllegalArgumentException(name);
        }
        audio.commit();
        if (name.equals("rich.m4a")) {
            patchMp4BinaryFreeform(file);
        }
    }

    /** A COMM frame described "iTunNORM", as iTunes writes beside the user's own comment. */
    private static void addITunNorm(AbstractID3v2Tag tag) throws Exception {
        AbstractID3v2Frame frame = tag.createFrame("COMM");
        frame.setBody(new FrameBodyCOMM((byte) 0, "eng", "iTunNORM", " 00000A2C 00000B1D 0000A8F2 0000C4B0"));
        tag.addField(frame);
    }

    /** "Cafe!" becomes "Café!" in Latin-1: the 0xE9 byte is no UTF-8, so a decoder would replace it. */
    private static void patchLatin1Comment(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, ("LEGACY_LATIN1=" + LATIN1_PLACEHOLDER).getBytes(StandardCharsets.US_ASCII));
        if (at < 0) {
            throw new IOException("no Latin-1 placeholder comment found");
        }
        bytes[at + "LEGACY_LATIN1=Caf".length()] = (byte) 0xE9;
        Files.write(file, bytes);
    }

    /** Turns the placeholder freeform atom into binary data (type 0) of the same length, bytes no decoder keeps. */
    private static void patchMp4BinaryFreeform(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] placeholder = BINARY_PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, placeholder);
        if (at < 16 || bytes[at - 12] != 'd' || bytes[at - 11] != 'a' || bytes[at - 5] != 1) {
            throw new IOException("no freeform placeholder data atom found");
        }
        bytes[at - 5] = 0; // the data atom's type: 1 (UTF-8) becomes 0 (binary)
        for (int i = 0; i < placeholder.length; i++) {
            bytes[at + i] = (byte) (0x80 + i * 7); // invalid UTF-8 throughout
        }
        Files.write(file, bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
