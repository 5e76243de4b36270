package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;

/**
 * The path the connection manager routes on and sends upstream when {@code normalize_path} is on (Istio sets
 * it on every gateway): RFC 3986 section 6 normalization as Envoy's {@code PathUtil::canonicalPath} does it
 * (envoyproxy/envoy {@code source/common/http/path_utility.cc}): percent-encoded unreserved characters
 * decoded and the hex of the others upper-cased, {@code .} and {@code ..} segments removed (also when
 * written {@code %2e}), never above the root; then {@code merge_slashes} collapses repeated slashes. The
 * query is left as it is. So {@code /status/../headers} is routed as {@code /headers}, as in Envoy, and a
 * route on {@code /status} cannot be skirted with dot segments.
 */
public final class PathNormalization {

    private PathNormalization() {
    }

    /** The path {@code hcm} routes {@code pathWithQuery} on; the same string when it normalizes nothing. */
    public static String forRouting(HttpConnectionManager hcm, String pathWithQuery) {
        boolean normalize = hcm.hasNormalizePath() && hcm.getNormalizePath().getValue();
        if (!normalize && !hcm.getMergeSlashes()) {
            return pathWithQuery;
        }
        int q = pathWithQuery.indexOf('?');
        String path = q < 0 ? pathWithQuery : pathWithQuery.substring(0, q);
        String query = q < 0 ? "" : pathWithQuery.substring(q);
        String result = normalize ? canonical(path) : path;
        if (hcm.getMergeSlashes()) {
            result = result.replaceAll("/{2,}", "/");
        }
        return result.equals(path) ? pathWithQuery : result + query;
    }

    /** RFC 3986 normalization of a path without its query. */
    static String canonical(String path) {
        if (path.indexOf('%') < 0 && path.indexOf("/.") < 0) {
            return path;
        }
        String decoded = decodeUnreserved(path);
        StringBuilder out = new StringBuilder(decoded.length());
        String[] segments = decoded.split("/", -1);
        java.util.ArrayDeque<String> kept = new java.util.ArrayDeque<>();
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".")) {
                if (last) {
                    kept.addLast("");
                }
            } else if (s.equals("..")) {
                kept.pollLast();
                if (last) {
                    kept.addLast("");
                }
            } else {
                kept.addLast(s);
            }
        }
        for (String s : kept) {
            out.append('/').append(s);
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    /** Decodes percent-encoded unreserved characters (ALPHA, DIGIT, -, ., _, ~); upper-cases other escapes. */
    private static String decodeUnreserved(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) >= 0 && hex(path.charAt(i + 2)) >= 0) {
                char decoded = (char) (hex(path.charAt(i + 1)) * 16 + hex(path.charAt(i + 2)));
                if (Character.isLetterOrDigit(decoded) && decoded < 128 || "-._~".indexOf(decoded) >= 0) {
                    out.append(decoded);
                } else {
                    out.append('%').append(Character.toUpperCase(path.charAt(i + 1)))
                            .append(Character.toUpperCase(path.charAt(i + 2)));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
