package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRedirect;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRedirectPort;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A redirect changes something (URI, prefix, authority, scheme or port), uses {@code uri} or
 * {@code prefixRewrite} but not both ({@code prefixRewrite} only after prefix URI matches), a 3xx code, an
 * {@code http} or {@code https} scheme, and a port in range. Istio {@code validateHTTPRedirect}, which reports
 * only the first problem; so does this rule.
 *
 * <p>{@code prefixRewrite} is newer than the typed model, so it is read from the object as written.
 */
final class RedirectRule extends HttpRouteRule {

    @Override
    void checkRoute(RuleContext context, HTTPRoute route, int index, String path) {
        if (route.getRedirect() != null) {
            check(route, prefixRewrite(context.resource().tree(), index), VirtualServicePaths.field(path, "redirect"))
                    .ifPresent(p -> context.report(VirtualServiceCodes.REDIRECT, p.path(), p.message()));
        }
    }

    /** {@code spec.http[i].redirect.prefixRewrite} as written, or empty. */
    private static String prefixRewrite(Map<String, Object> tree, int rule) {
        if (tree.get("spec") instanceof Map<?, ?> spec && spec.get("http") instanceof List<?> http && rule < http.size()
                && http.get(rule) instanceof Map<?, ?> route && route.get("redirect") instanceof Map<?, ?> redirect
                && redirect.get("prefixRewrite") instanceof String prefix) {
            return prefix;
        }
        return "";
    }

    private static Optional<Problem> check(HTTPRoute route, String prefixRewrite, String path) {
        HTTPRedirect redirect = route.getRedirect();
        String uri = ZeroValues.text(redirect.getUri());
        if (!uri.isEmpty() && !prefixRewrite.isEmpty()) {
            return Problem.at(path, "redirect may only specify one of uri or prefix_rewrite");
        }
        if (!prefixRewrite.isEmpty()) {
            List<HTTPMatchRequest> matches = ZeroValues.list(route.getMatch());
            for (HTTPMatchRequest match : matches) {
                if (match != null && match.getUri() != null
                        && !(match.getUri().getMatchType() instanceof StringMatchPrefix)) {
                    return Problem.at(VirtualServicePaths.field(path, "prefixRewrite"),
                            "redirect prefix_rewrite requires all URI matches to use prefix match type");
                }
            }
        }
        String authority = ZeroValues.text(redirect.getAuthority());
        String scheme = ZeroValues.text(redirect.getScheme());
        if (uri.isEmpty() && prefixRewrite.isEmpty() && authority.isEmpty() && redirect.getRedirectPort() == null
                && scheme.isEmpty()) {
            return Problem.at(path, "redirect must specify URI, authority, scheme, or port");
        }
        long code = ZeroValues.number(redirect.getRedirectCode());
        if (code != 0 && (code < 300 || code > 399)) {
            return Problem.at(VirtualServicePaths.field(path, "redirectCode"),
                    code + " is not a valid redirect code, must be 3xx");
        }
        if (!scheme.isEmpty() && !scheme.equals("http") && !scheme.equals("https")) {
            return Problem.at(VirtualServicePaths.field(path, "scheme"),
                    "invalid redirect scheme, must be \"http\" or \"https\"");
        }
        if (redirect.getRedirectPort() instanceof HTTPRedirectPort port && ZeroValues.number(port.getPort()) > 0) {
            return PortRange.check(ZeroValues.number(port.getPort()))
                    .flatMap(m -> Problem.at(VirtualServicePaths.field(path, "port"), m));
        }
        return Optional.empty();
    }

    private record Problem(String path, String message) {
        static Optional<Problem> at(String path, String message) {
            return Optional.of(new Problem(path, message));
        }
    }
}
