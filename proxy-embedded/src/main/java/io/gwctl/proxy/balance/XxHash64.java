package io.gwctl.proxy.balance;

import java.nio.charset.StandardCharsets;

/**
 * The 64-bit xxHash of a byte string, the hash Envoy computes for hash-policy keys, host keys of the ring
 * hash and Maglev tables, and generated cookie values ({@code HashUtil::xxHash64} in envoyproxy/envoy
 * {@code source/common/common/hash.h}). Implemented from the published xxHash specification.
 */
public final class XxHash64 {

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private XxHash64() {
    }

    /** The hash of {@code value}'s UTF-8 bytes with seed 0. */
    public static long hash(String value) {
        return hash(value.getBytes(StandardCharsets.UTF_8), 0);
    }

    public static long hash(byte[] in, long seed) {
        int length = in.length;
        int i = 0;
        long h;
        if (length >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            for (; i <= length - 32; i += 32) {
                v1 = round(v1, lane64(in, i));
                v2 = round(v2, lane64(in, i + 8));
                v3 = round(v3, lane64(in, i + 16));
                v4 = round(v4, lane64(in, i + 24));
            }
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = seed + P5;
        }
        h += length;
        for (; i <= length - 8; i += 8) {
            h ^= round(0, lane64(in, i));
            h = Long.rotateLeft(h, 27) * P1 + P4;
        }
        if (i <= length - 4) {
            h ^= (lane32(in, i) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            i += 4;
        }
        for (; i < length; i++) {
            h ^= (in[i] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long merge(long acc, long value) {
        return (acc ^ round(0, value)) * P1 + P4;
    }

    private static long lane64(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48
                | (b[i + 7] & 0xFFL) << 56;
    }

    private static int lane32(byte[] b, int i) {
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF) << 16 | (b[i + 3] & 0xFF) << 24;
    }
}
