package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.QueryParameterMatcher;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * One compiled {@code query_parameters} entry of a route's match (envoyproxy/envoy
 * {@code source/common/router/config_utility.cc}, {@code QueryParameterMatcher::matches}): the first parameter
 * of that name decides; with {@code string_match} its URL-decoded value must match, otherwise being there is
 * enough. The query is read in place: only a name or value with escapes is decoded.
 */
final class QueryCondition {

    private final String name;
    /** The value's condition, or null when presence is enough. */
    private final StringCondition value;

    QueryCondition(QueryParameterMatcher proto) {
        this.name = proto.getName();
        this.value = proto.hasStringMatch() ? StringCondition.of(proto.getStringMatch()) : null;
    }

    boolean matches(String path) {
        String found = firstValue(path, name);
        if (found == null) {
            return false;
        }
        return value == null || value.matches(found);
    }

    /** Why the parameter does not match, as the trace words it. */
    String mismatch() {
        return "query parameter " + name + " does not match";
    }

    /** The decoded value of the first query parameter with this decoded name, or null when there is none. */
    static String firstValue(String path, String name) {
        int q = path.indexOf('?');
        if (q < 0) {
            return null;
        }
        int fragment = path.indexOf('#', q + 1);
        int end = fragment < 0 ? path.length() : fragment;
        int start = q + 1;
        while (start <= end) {
            int amp = path.indexOf('&', start);
            int partEnd = amp < 0 || amp > end ? end : amp;
            if (partEnd > start) {
                int eq = path.indexOf('=', start);
                int nameEnd = eq < 0 || eq > partEnd ? partEnd : eq;
                if (nameEquals(path, start, nameEnd, name)) {
                    return nameEnd == partEnd ? "" : decoded(path, nameEnd + 1, partEnd);
                }
            }
            start = partEnd + 1;
        }
        return null;
    }

    private static boolean nameEquals(String path, int from, int to, String name) {
        if (hasEscapes(path, from, to)) {
            return decoded(path, from, to).equals(name);
        }
        return to - from == name.length() && path.startsWith(name, from);
    }

    private static String decoded(String path, int from, int to) {
        String raw = path.substring(from, to);
        if (!hasEscapes(path, from, to)) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static boolean hasEscapes(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+') {
                return true;
            }
        }
        return false;
    }
}
