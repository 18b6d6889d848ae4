package org.genrelens.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The first {@code limit} bytes of a file, so a decoder sees a damaged file as one that simply ends where its
 * intact part ends. {@link #close()} may be called from any thread and takes no lock: a read blocked in the file
 * system then fails, and every later read fails at once.
 */
final class BoundedFileInputStream extends InputStream {

    private final FileChannel channel;
    private final long limit;
    private long position;

    BoundedFileInputStream(Path file, long limit) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, was " + limit);
        }
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        long left = limit - position;
        if (left <= 0) {
            return len == 0 ? 0 : -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, left)));
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = Math.max(0, Math.min(n, limit - position));
        position += skipped;
        channel.position(position);
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, Math.min(limit, channel.size()) - position));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
