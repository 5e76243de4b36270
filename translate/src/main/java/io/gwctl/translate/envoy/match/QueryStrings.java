package io.gwctl.translate.envoy.match;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A request path's query string, as Envoy's route matchers read it. */
final class QueryStrings {

    private QueryStrings() {
    }

    /** The path without its query or fragment. */
    static String withoutQuery(String path) {
        int end = path.length();
        int q = path.indexOf('?');
        int f = path.indexOf('#');
        if (q >= 0) {
            end = q;
        }
        if (f >= 0 && f < end) {
            end = f;
        }
        return end == path.length() ? path : path.substring(0, end);
    }

    /** The query's parameters in order, names and values URL-decoded. */
    static List<String[]> parse(String path) {
        List<String[]> pairs = new ArrayList<>();
        int q = path.indexOf('?');
        if (q < 0) {
            return pairs;
        }
        String query = path.substring(q + 1);
        int f = query.indexOf('#');
        if (f >= 0) {
            query = query.substring(0, f);
        }
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(new String[] {decode(name), decode(value)});
        }
        return pairs;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
