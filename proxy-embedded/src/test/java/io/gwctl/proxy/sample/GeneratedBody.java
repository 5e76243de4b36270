package io.gwctl.proxy.sample;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.SplittableRandom;

/**
 * A request body of any size made up on the fly, never held in memory, that keeps a SHA-256 of what was read so
 * the echoed body can be compared with it.
 */
final class GeneratedBody extends InputStream {

    private final SplittableRandom random;
    private final MessageDigest digest;
    private long remaining;

    GeneratedBody(long length, long seed) throws Exception {
        this.random = new SplittableRandom(seed);
        this.digest = MessageDigest.getInstance("SHA-256");
        this.remaining = length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (remaining == 0) {
            return -1;
        }
        int count = (int) Math.min(length, remaining);
        for (int i = 0; i < count; i++) {
            buffer[offset + i] = (byte) random.nextInt(256);
        }
        digest.update(buffer, offset, count);
        remaining -= count;
        return count;
    }

    /** The SHA-256 of everything read so far. */
    byte[] sha256() {
        return digest.digest();
    }
}
