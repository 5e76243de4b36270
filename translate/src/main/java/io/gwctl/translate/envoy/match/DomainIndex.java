package io.gwctl.translate.envoy.match;

import java.util.List;

/**
 * The virtual hosts of a route configuration by domain, looked up as Envoy's {@code RouteMatcher::findVirtualHost}
 * and {@code findWildcardVirtualHost} do (envoyproxy/envoy {@code source/common/router/config_impl.cc}): one
 * hash lookup for the exact host, then one per length of suffix wildcard shorter than the host (longest wins),
 * the same for prefix wildcards, then {@code *}. Envoy rejects a domain given twice; here the first virtual
 * host in config order keeps it.
 *
 * <p>The data plane asks once per request, so lookups compare regions of the host in place and allocate
 * nothing; the hash of each suffix (or prefix) grows by one character per length tried, so a lookup reads each
 * character of the host once per kind.
 */
final class DomainIndex {

    private final Table exact;
    /** Suffix wildcards, hashed from their last character backwards. */
    private final Table suffixes;
    private final Table prefixes;
    /** Which lengths have a suffix (prefix) wildcard, indexed by length. */
    private final boolean[] suffixLengths;
    private final boolean[] prefixLengths;
    private final CompiledVirtualHost any;

    DomainIndex(List<CompiledVirtualHost> virtualHosts) {
        int exactCount = 0;
        int suffixCount = 0;
        int prefixCount = 0;
        int longestSuffix = 0;
        int longestPrefix = 0;
        for (CompiledVirtualHost vh : virtualHosts) {
            for (Domain d : vh.domains()) {
                switch (d.kind()) {
                    case EXACT -> exactCount++;
                    case SUFFIX -> {
                        suffixCount++;
                        longestSuffix = Math.max(longestSuffix, d.key().length());
                    }
                    case PREFIX -> {
                        prefixCount++;
                        longestPrefix = Math.max(longestPrefix, d.key().length());
                    }
                    case ANY -> {
                    }
                }
            }
        }
        exact = new Table(exactCount);
        suffixes = new Table(suffixCount);
        prefixes = new Table(prefixCount);
        suffixLengths = new boolean[longestSuffix + 1];
        prefixLengths = new boolean[longestPrefix + 1];
        CompiledVirtualHost anyHost = null;
        for (CompiledVirtualHost vh : virtualHosts) {
            for (Domain d : vh.domains()) {
                String key = d.key();
                switch (d.kind()) {
                    case EXACT -> exact.putIfAbsent(key, forwardHash(key, 0, key.length()), vh);
                    case SUFFIX -> {
                        suffixes.putIfAbsent(key, backwardHash(key), vh);
                        suffixLengths[key.length()] = true;
                    }
                    case PREFIX -> {
                        prefixes.putIfAbsent(key, forwardHash(key, 0, key.length()), vh);
                        prefixLengths[key.length()] = true;
                    }
                    case ANY -> anyHost = anyHost == null ? vh : anyHost;
                }
            }
        }
        any = anyHost;
    }

    /**
     * The virtual host for the host {@code host[0, end)}, or null.
     *
     * @param host a lower-cased host
     * @param end  where the compared part ends: the whole host, or where its port starts
     */
    CompiledVirtualHost find(String host, int end) {
        CompiledVirtualHost found = exact.get(host, 0, end, forwardHash(host, 0, end));
        if (found == null) {
            found = longestSuffix(host, end);
        }
        if (found == null) {
            found = longestPrefix(host, end);
        }
        return found == null ? any : found;
    }

    /** A wildcard stands for at least one character, so only suffixes shorter than the host are tried. */
    private CompiledVirtualHost longestSuffix(String host, int end) {
        CompiledVirtualHost best = null;
        int hash = 0;
        int longest = Math.min(end - 1, suffixLengths.length - 1);
        for (int length = 1; length <= longest; length++) {
            hash = 31 * hash + host.charAt(end - length);
            if (suffixLengths[length]) {
                CompiledVirtualHost vh = suffixes.get(host, end - length, end, hash);
                best = vh == null ? best : vh;
            }
        }
        return best;
    }

    private CompiledVirtualHost longestPrefix(String host, int end) {
        CompiledVirtualHost best = null;
        int hash = 0;
        int longest = Math.min(end - 1, prefixLengths.length - 1);
        for (int length = 1; length <= longest; length++) {
            hash = 31 * hash + host.charAt(length - 1);
            if (prefixLengths[length]) {
                CompiledVirtualHost vh = prefixes.get(host, 0, length, hash);
                best = vh == null ? best : vh;
            }
        }
        return best;
    }

    private static int forwardHash(String s, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + s.charAt(i);
        }
        return hash;
    }

    private static int backwardHash(String s) {
        int hash = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            hash = 31 * hash + s.charAt(i);
        }
        return hash;
    }

    /**
     * An open-addressing hash table from a domain key to its virtual host, asked with a region of a host and
     * that region's hash, so no substring is made. Filled once, then only read.
     */
    private static final class Table {
        private final String[] keys;
        private final int[] hashes;
        private final CompiledVirtualHost[] values;
        private final int mask;

        Table(int entries) {
            int capacity = Integer.highestOneBit(entries * 2 + 1) << 1;
            keys = new String[capacity];
            hashes = new int[capacity];
            values = new CompiledVirtualHost[capacity];
            mask = capacity - 1;
        }

        void putIfAbsent(String key, int hash, CompiledVirtualHost value) {
            int slot = spread(hash) & mask;
            while (keys[slot] != null) {
                if (hashes[slot] == hash && keys[slot].equals(key)) {
                    return;
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = hash;
            values[slot] = value;
        }

        CompiledVirtualHost get(String host, int from, int to, int hash) {
            int length = to - from;
            int slot = spread(hash) & mask;
            for (String key = keys[slot]; key != null; key = keys[slot]) {
                if (hashes[slot] == hash && key.length() == length && host.startsWith(key, from)) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            return null;
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
