package io.gwctl.translate.ingress;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequestBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.IsStringMatchMatchType;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import java.util.Comparator;
import java.util.List;

/**
 * The VirtualService matches for one Ingress path, and the key routes are ordered by.
 *
 * <ul>
 *   <li>{@code Exact} → {@code exact: <path>}.</li>
 *   <li>{@code Prefix} → path-segment semantics as Kubernetes defines them ({@code /foo} matches {@code /foo}
 *       and {@code /foo/bar}, not {@code /foobar}; a trailing {@code /} is ignored), written as two plain
 *       matches {@code exact: /foo} and {@code prefix: /foo/}; {@code /} stays {@code prefix: /}. Istio
 *       itself writes {@code prefix: /foo} plus an internal annotation ({@code internal.istio.io/route-semantics})
 *       that is no user API, and 1.6–1.8 wrote {@code prefix: /foo/}, which misses {@code /foo}.</li>
 *   <li>{@code ImplementationSpecific} or none → Istio's legacy rules ({@code createFallbackStringMatch} in
 *       {@code pilot/pkg/config/kube/ingress/virtualservices.go}): empty → no match; {@code X.*} →
 *       {@code prefix: X}; {@code X/*} → {@code prefix: X}; anything else → {@code exact}. A resulting empty
 *       prefix ({@code /*}) is no match at all, as Istio writes it.</li>
 * </ul>
 *
 * @param matches the matches (empty: matches everything)
 * @param key     the path the route is ordered by (empty for a catch-all)
 * @param exact   whether the key is an exact match (sorted before a prefix of equal length)
 */
record PathMatch(List<HTTPMatchRequest> matches, String key, boolean exact) {

    /**
     * Kubernetes' precedence, as Istio's {@code sortHTTPRoutes} orders it: longer paths first, at equal length
     * exact before prefix, catch-alls last; stable otherwise.
     */
    static final Comparator<PathMatch> PRECEDENCE = Comparator
            .comparing((PathMatch m) -> m.key.isEmpty())
            .thenComparing(m -> -m.key.length())
            .thenComparing(m -> !m.exact);

    static final PathMatch CATCH_ALL = new PathMatch(List.of(), "", false);

    static PathMatch of(String path, String pathType) {
        String p = path == null ? "" : path;
        if ("Exact".equals(pathType)) {
            String exact = p.isEmpty() ? "/" : p;
            return new PathMatch(List.of(uri(new StringMatchExact(exact))), exact, true);
        }
        if ("Prefix".equals(pathType)) {
            String trimmed = p.replaceAll("/+$", "");
            if (trimmed.isEmpty()) {
                return new PathMatch(List.of(uri(new StringMatchPrefix("/"))), "/", false);
            }
            return new PathMatch(List.of(uri(new StringMatchExact(trimmed)), uri(new StringMatchPrefix(trimmed + "/"))),
                    trimmed, false);
        }
        return legacy(p);
    }

    private static PathMatch legacy(String path) {
        String prefix = null;
        if (path.endsWith(".*")) {
            prefix = path.substring(0, path.length() - 2);
        } else if (path.endsWith("/*")) {
            prefix = path.substring(0, path.length() - 2);
        }
        if (path.isEmpty() || "".equals(prefix)) {
            return CATCH_ALL;
        }
        if (prefix != null) {
            return new PathMatch(List.of(uri(new StringMatchPrefix(prefix))), prefix, false);
        }
        return new PathMatch(List.of(uri(new StringMatchExact(path))), path, true);
    }

    private static HTTPMatchRequest uri(IsStringMatchMatchType match) {
        return new HTTPMatchRequestBuilder().withUri(new StringMatch(match)).build();
    }
}
