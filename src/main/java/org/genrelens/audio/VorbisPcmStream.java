package org.genrelens.audio;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Decodes the first logical Vorbis stream of an Ogg file with JOrbis, as interleaved 32-bit float PCM (little
 * endian). It replaces vorbisspi's converter, which takes one page out of the Ogg buffer per read from the file and
 * stops at the end of the file: pages still buffered then are dropped, so short or low-bitrate files (many pages
 * per read) came out short or empty, and were reported as damaged.
 *
 * <p>Damage does not stop the decode (the rest of the stream is still read, as libvorbisfile does): a page that
 * fails its checksum or a gap in the pages is remembered and {@link #damage()} says what it was, so the caller can
 * report it with the audio that was decoded.
 */
final class VorbisPcmStream extends InputStream {

    private static final int READ_BYTES = 8192;

    private final InputStream file;
    private final SyncState sync = new SyncState();
    private final StreamState stream = new StreamState();
    private final Page page = new Page();
    private final Packet packet = new Packet();
    private final Info info = new Info();
    private final Comment comment = new Comment();
    private final DspState dsp = new DspState();
    private final Block block = new Block(dsp);
    private final float[][][] pcm = new float[1][][];
    private int[] index;
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private boolean lastPageIn;
    private int serial;
    private boolean fileEnded;
    private String damage;

    private VorbisPcmStream(InputStream file) {
        this.file = file;
    }

    /**
     * Reads the three header packets; the stream is then ready to give PCM.
     *
     * @throws IOException when the file is no Ogg Vorbis stream or ends inside its headers
     */
    static VorbisPcmStream open(InputStream file) throws IOException {
        VorbisPcmStream decoder = new VorbisPcmStream(file);
        try {
            decoder.readHeaders();
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        return decoder;
    }

    /** This stream with its format: the file's rate and channels, 32-bit float frames, length not known. */
    AudioInputStream audio() {
        int channels = info.channels;
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, info.rate, 32, channels, 4 * channels,
                info.rate, false);
        return new AudioInputStream(this, format, AudioSystem.NOT_SPECIFIED);
    }

    /** What was wrong with the stream (a page failing its checksum, missing pages), or null when nothing was. */
    String damage() {
        return damage;
    }

    private void readHeaders() throws IOException {
        sync.init();
        if (!nextPage()) {
            throw new IOException("the file holds no Ogg page");
        }
        serial = page.serialno();
        stream.init(serial);
        info.init();
        comment.init();
        stream.pagein(page);
        int headers = 0;
        while (headers < 3) {
            int got = stream.packetout(packet);
            if (got == 1) {
                if (info.synthesis_headerin(comment, packet) < 0) {
                    throw new IOException("Vorbis header packet " + (headers + 1) + " is invalid");
                }
                headers++;
            } else if (got < 0 || !nextPageOfThisStream()) {
                throw new IOException("the file ends or is damaged inside its Vorbis headers");
            }
        }
        if (info.channels < 1 || info.rate < 1) {
            throw new IOException("the Vorbis header announces " + info.channels + " channels at " + info.rate + " Hz");
        }
        dsp.synthesis_init(info);
        block.init(dsp);
        index = new int[info.channels];
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        while (!pending.hasRemaining()) {
            if (!decodeMore()) {
                return -1;
            }
        }
        int n = Math.min(length, pending.remaining());
        pending.get(target, offset, n);
        return n;
    }

    /** Decodes packets until some PCM is ready; false at the end of the stream. */
    private boolean decodeMore() throws IOException {
        while (true) {
            int got = stream.packetout(packet);
            if (got == 1) {
                if (block.synthesis(packet) == 0) {
                    dsp.synthesis_blockin(block);
                } else {
                    remember("a Vorbis packet cannot be decoded");
                }
                if (takePcm()) {
                    return true;
                }
            } else if (got < 0) {
                remember("pages are missing from the Ogg stream");
            } else if (lastPageIn || !nextPageOfThisStream()) {
                return false;
            }
        }
    }

    /** Moves the PCM the decoder has ready into {@link #pending}; false when there is none. */
    private boolean takePcm() {
        int frames = dsp.synthesis_pcmout(pcm, index);
        if (frames <= 0) {
            return false;
        }
        int channels = info.channels;
        ByteBuffer out = ByteBuffer.allocate(frames * channels * 4).order(ByteOrder.LITTLE_ENDIAN);
        float[][] channelData = pcm[0];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                out.putFloat(channelData[c][index[c] + i]);
            }
        }
        dsp.synthesis_read(frames);
        out.flip();
        pending = out;
        return true;
    }

    /** The next page of the logical stream begun by the first page; false at its end or the file's. */
    private boolean nextPageOfThisStream() throws IOException {
        while (nextPage()) {
            if (page.serialno() != serial) {
                continue; // another logical stream multiplexed in (or chained after): not ours to decode
            }
            stream.pagein(page);
            lastPageIn = page.eos() != 0;
            return true;
        }
        return false;
    }

    /** The next page whose checksum holds, reading more of the file as needed; false at the end of the file. */
    private boolean nextPage() throws IOException {
        while (true) {
            int result = sync.pageout(page);
            if (result == 1) {
                return true;
            }
            if (result < 0) {
                remember("an Ogg page fails its checksum or is cut");
                continue;
            }
            if (fileEnded) {
                return false;
            }
            int at = sync.buffer(READ_BYTES);
            int n = file.read(sync.data, at, READ_BYTES);
            if (n < 0) {
                fileEnded = true;
            } else {
                sync.wrote(n);
            }
        }
    }

    private void remember(String what) {
        if (damage == null) {
            damage = what;
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
