package io.gwctl.proxy.sample;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts {@code /flaky/N?key=K} attempts per key, so a retry test can make the first N tries of one logical
 * request fail and the next succeed. Shared by every connection of one backend: a gateway's retries may arrive on
 * other connections and other event loops.
 */
final class FlakyCounter {

    private final ConcurrentHashMap<String, Long> attempts = new ConcurrentHashMap<>();

    /** Records one more attempt for {@code key} and returns its number, starting at 1. */
    long nextAttempt(String key) {
        return attempts.merge(key, 1L, Long::sum);
    }
}
