package io.gwctl.proxy.balance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Envoy's Maglev table ({@code MAGLEV}, envoyproxy/envoy
 * {@code source/extensions/load_balancing_policies/maglev/maglev_lb.cc}, after Google's Maglev paper): a table
 * of a prime size (65537 by default) filled by the hosts in turns, each host walking its own permutation of the
 * slots (an offset and a skip from two hashes of its key) and taking the next free one, a host of weight
 * {@code w} taking {@code w} turns per round. A request hash picks slot {@code hash mod size}.
 */
public final class MaglevTable implements HashTable {

    public static final long DEFAULT_SIZE = 65537;

    private final int[] slots;

    /**
     * @param keys    each host's key ({@code ip:port}), in host order
     * @param weights each host's weight, at least 1
     * @param size    the table size, a prime
     */
    public MaglevTable(List<String> keys, int[] weights, long size) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a table needs a host");
        }
        int m = (int) size;
        slots = new int[m];
        java.util.Arrays.fill(slots, -1);
        int hosts = keys.size();
        long[] offset = new long[hosts];
        long[] skip = new long[hosts];
        long[] next = new long[hosts];
        for (int h = 0; h < hosts; h++) {
            byte[] key = keys.get(h).getBytes(StandardCharsets.UTF_8);
            offset[h] = Long.remainderUnsigned(XxHash64.hash(key, 0), m);
            skip[h] = Long.remainderUnsigned(XxHash64.hash(key, 1), m - 1) + 1;
        }
        int filled = 0;
        while (filled < m) {
            for (int h = 0; h < hosts && filled < m; h++) {
                for (int turn = 0; turn < weights[h] && filled < m; turn++) {
                    int slot;
                    do {
                        slot = (int) ((offset[h] + next[h] * skip[h]) % m);
                        next[h]++;
                    } while (slots[slot] >= 0);
                    slots[slot] = h;
                    filled++;
                }
            }
        }
    }

    @Override
    public int pick(long hash) {
        return slots[(int) Long.remainderUnsigned(hash, slots.length)];
    }
}
