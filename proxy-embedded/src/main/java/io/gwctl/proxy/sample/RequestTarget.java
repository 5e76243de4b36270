package io.gwctl.proxy.sample;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request target read the way httpbin reads it: the percent-decoded path, and the query arguments in the order
 * they came, each with all its values.
 *
 * <p>An absolute-form target ({@code GET http://host/get?a=1}, RFC 9112 section 3.2.2, what a client sends to a
 * proxy) is reduced to its path and query first, so {@code /get} matches either way.
 *
 * @param path the decoded path, e.g. {@code /anything/a b} for {@code /anything/a%20b}
 * @param args the query arguments, e.g. {@code {a=[1, 2], b=[x]}} for {@code ?a=1&a=2&b=x}
 */
record RequestTarget(String path, Map<String, List<String>> args) {

    RequestTarget {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        args.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        args = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code uri}.
     *
     * @throws IllegalArgumentException if the target has a malformed percent-escape
     */
    static RequestTarget parse(String uri) {
        QueryStringDecoder decoder = new QueryStringDecoder(originForm(uri));
        return new RequestTarget(decoder.path(), decoder.parameters());
    }

    /** The first value of query argument {@code name}, or {@code fallback} when it is absent. */
    String arg(String name, String fallback) {
        List<String> values = args.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }

    private static String originForm(String uri) {
        int schemeEnd = uri.indexOf("://");
        if (uri.startsWith("/") || schemeEnd < 0) {
            return uri;
        }
        int authorityStart = schemeEnd + 3;
        for (int i = authorityStart; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '/') {
                return uri.substring(i);
            }
            if (c == '?') {
                return "/" + uri.substring(i);
            }
        }
        return "/";
    }
}
