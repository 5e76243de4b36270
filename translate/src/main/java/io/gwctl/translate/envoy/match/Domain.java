package io.gwctl.translate.envoy.match;

import java.util.Locale;

/**
 * One entry of a virtual host's {@code domains}, classified as Envoy's {@code RouteMatcher} constructor does
 * (envoyproxy/envoy {@code source/common/router/config_impl.cc}): {@code *} alone is the default, a leading
 * {@code *} makes a suffix wildcard, a trailing one a prefix wildcard, anything else is exact. Domains compare
 * lower-cased.
 *
 * @param kind the kind, which is also its precedence: exact first, {@code *} last
 * @param key  the lower-cased domain without its {@code *}
 * @param text the lower-cased domain as written
 */
record Domain(Kind kind, String key, String text) {

    enum Kind {
        EXACT("exactly"),
        SUFFIX("as a suffix wildcard"),
        PREFIX("as a prefix wildcard"),
        ANY("as the default *");

        private final String how;

        Kind(String how) {
            this.how = how;
        }

        /** How a host matches a domain of this kind, as the trace words it. */
        String how() {
            return how;
        }
    }

    static Domain of(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        if (lower.equals("*")) {
            return new Domain(Kind.ANY, "", lower);
        }
        if (lower.startsWith("*")) {
            return new Domain(Kind.SUFFIX, lower.substring(1), lower);
        }
        if (lower.endsWith("*")) {
            return new Domain(Kind.PREFIX, lower.substring(0, lower.length() - 1), lower);
        }
        return new Domain(Kind.EXACT, lower, lower);
    }

    /** Whether a lower-cased host matches; a wildcard stands for at least one character. */
    boolean matches(String host) {
        return switch (kind) {
            case EXACT -> key.equals(host);
            case SUFFIX -> host.length() > key.length() && host.endsWith(key);
            case PREFIX -> host.length() > key.length() && host.startsWith(key);
            case ANY -> true;
        };
    }

    /** Whether this domain takes precedence over {@code other} (null when there is none yet). */
    boolean betterThan(Domain other) {
        return other == null || kind.compareTo(other.kind) < 0
                || kind == other.kind && key.length() > other.key.length();
    }
}
