package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP match on a URI prefix, reduced to what Istio compares to find a match that an earlier one covers
 * ({@code OverlappingMatchValidationForHTTPRoute}, {@code genMatchHTTPRoutes} and {@code coveredValidation}
 * in pkg/config/validation/validation.go, after istio/istio#32701).
 *
 * <p>Only the URI prefix, port, method, authority, headers, query parameters and absent headers count, each
 * string match written {@code exact:<v>} or {@code prefix:<v>} (a regex counts as no value). A match without
 * a method is taken to be {@code exact:GET}. Example: {@code prefix /api/v1/product} covers
 * {@code prefix /api/v1/products} with the same method and headers.
 *
 * @param rule      the rule's id in messages ({@code "name"} or {@code #i})
 * @param match     the match's id in messages
 * @param path      the field path of the match
 * @param prefix    the URI prefix
 * @param port      the port, 0 when unset
 * @param method    the method match
 * @param authority the authority match
 * @param headers   the header matches
 * @param query     the query parameter matches
 * @param absent    the {@code withoutHeaders} matches
 */
record PrefixMatch(String rule, String match, String path, String prefix, long port, String method, String authority,
        Map<String, String> headers, Map<String, String> query, Map<String, String> absent) {

    private static final String EXACT = "exact:";
    private static final String PREFIX = "prefix:";

    /** The prefix match of {@code m}, or empty when it has no URI prefix (or the prefix is empty). */
    static Optional<PrefixMatch> of(String rule, String match, String path, HTTPMatchRequest m) {
        if (m == null || m.getUri() == null || !(m.getUri().getMatchType() instanceof StringMatchPrefix uri)
                || ZeroValues.text(uri.getPrefix()).isEmpty()) {
            return Optional.empty();
        }
        String method = value(m.getMethod());
        return Optional.of(new PrefixMatch(rule, match, path, uri.getPrefix(), ZeroValues.number(m.getPort()),
                method.isEmpty() ? EXACT + "GET" : method, value(m.getAuthority()),
                values(m.getHeaders()), values(m.getQueryParams()), values(m.getWithoutHeaders())));
    }

    /**
     * Whether this earlier match takes all traffic of {@code later}: its prefix starts {@code later}'s, the
     * ports are equal, and every other field is equal or (as Istio compares them) starts with
     * {@code later}'s value.
     */
    boolean covers(PrefixMatch later) {
        return later.prefix.startsWith(prefix)
                && later.port == port
                && covers(method, later.method)
                && covers(authority, later.authority)
                && covers(headers, later.headers)
                && covers(query, later.query)
                && covers(absent, later.absent);
    }

    private static boolean covers(String earlier, String later) {
        return earlier.equals(later) || earlier.startsWith(later);
    }

    private static boolean covers(Map<String, String> earlier, Map<String, String> later) {
        if (earlier.size() != later.size()) {
            return false;
        }
        for (Map.Entry<String, String> e : earlier.entrySet()) {
            String other = later.get(e.getKey());
            if (other == null || !covers(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    /** Istio's {@code assignExactOrPrefix}: {@code exact:<v>}, {@code prefix:<v>}, or empty. */
    private static String value(StringMatch match) {
        if (match == null) {
            return "";
        }
        if (match.getMatchType() instanceof StringMatchExact exact && !ZeroValues.text(exact.getExact()).isEmpty()) {
            return EXACT + exact.getExact();
        }
        if (match.getMatchType() instanceof StringMatchPrefix prefix && !ZeroValues.text(prefix.getPrefix()).isEmpty()) {
            return PREFIX + prefix.getPrefix();
        }
        return "";
    }

    private static Map<String, String> values(Map<String, StringMatch> matches) {
        Map<String, String> out = new HashMap<>();
        ZeroValues.map(matches).forEach((k, v) -> out.put(Objects.requireNonNullElse(k, ""), value(v)));
        return out;
    }
}
