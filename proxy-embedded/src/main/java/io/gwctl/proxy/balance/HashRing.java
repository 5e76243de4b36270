package io.gwctl.proxy.balance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Envoy's ring hash ({@code RING_HASH}, envoyproxy/envoy
 * {@code source/extensions/load_balancing_policies/ring_hash/ring_hash_lb.cc}): every host is placed on a ring
 * of 64-bit hashes many times, in proportion to its weight, at the xxHash64 of {@code <host>_<n>}; a request
 * hash belongs to the first host entry at or after it, wrapping around. The ring has between
 * {@code minimum_ring_size} (1024 by default) and {@code maximum_ring_size} (8M) entries, so adding or removing
 * a host moves only the keys next to its entries.
 */
public final class HashRing implements HashTable {

    public static final long DEFAULT_MINIMUM_SIZE = 1024;
    public static final long DEFAULT_MAXIMUM_SIZE = 8 * 1024 * 1024;

    private final long[] hashes;
    private final int[] hosts;

    /**
     * @param keys    each host's key ({@code ip:port}), in host order
     * @param weights each host's weight, at least 1
     */
    public HashRing(List<String> keys, int[] weights, long minimumSize, long maximumSize) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a ring needs a host");
        }
        double total = 0;
        for (int w : weights) {
            total += w;
        }
        double minNormalized = Double.MAX_VALUE;
        for (int w : weights) {
            minNormalized = Math.min(minNormalized, w / total);
        }
        // As Envoy sizes it: enough entries that the lightest host gets its share of the minimum size.
        double scale = Math.min(Math.ceil(minNormalized * minimumSize) / minNormalized, maximumSize);
        int size = (int) Math.min(Integer.MAX_VALUE - 8, Math.ceil(scale));
        long[] entries = new long[size];
        int[] owners = new int[size];
        int n = 0;
        double target = 0;
        for (int h = 0; h < keys.size() && n < size; h++) {
            target += scale * weights[h] / total;
            for (int i = 0; n < target && n < size; i++) {
                entries[n] = XxHash64.hash((keys.get(h) + "_" + i).getBytes(StandardCharsets.UTF_8), 0);
                owners[n] = h;
                n++;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compareUnsigned(entries[a], entries[b]));
        this.hashes = new long[n];
        this.hosts = new int[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = entries[order[i]];
            hosts[i] = owners[order[i]];
        }
    }

    @Override
    public int pick(long hash) {
        int low = 0;
        int high = hashes.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(hashes[mid], hash) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return hosts[low == hashes.length ? 0 : low];
    }

    /** The number of entries on the ring. */
    public int size() {
        return hashes.length;
    }
}
