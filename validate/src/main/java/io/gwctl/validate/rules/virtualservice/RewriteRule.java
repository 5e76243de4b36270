package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRewrite;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.RegexRewrite;
import io.gwctl.validate.rules.RuleContext;

/**
 * A rewrite changes the URI ({@code uri} or {@code uriRegexRewrite}, not both) or the authority, and a
 * {@code uriRegexRewrite} has both a valid RE2 {@code match} and a {@code rewrite}. Istio
 * {@code validateHTTPRewrite}, {@code validateURIRegexRewrite}; Istio reports only the first problem and puts a
 * line "UriRegexRewrite has errors" above a regex-rewrite problem, which this rule leaves out.
 */
final class RewriteRule extends HttpRouteRule {

    @Override
    void checkRoute(RuleContext context, HTTPRoute route, int index, String path) {
        if (route.getRewrite() != null) {
            check(context, route.getRewrite(), VirtualServicePaths.field(path, "rewrite"));
        }
    }

    private static void check(RuleContext context, HTTPRewrite rewrite, String path) {
        boolean uri = !ZeroValues.text(rewrite.getUri()).isEmpty();
        RegexRewrite regex = rewrite.getUriRegexRewrite();
        if (uri && regex != null) {
            context.report(VirtualServiceCodes.REWRITE, path, "rewrite may only contain one of URI or UriRegexRewrite");
            return;
        }
        if (!uri && regex == null && ZeroValues.text(rewrite.getAuthority()).isEmpty()) {
            context.report(VirtualServiceCodes.REWRITE, path, "rewrite must specify at least one of URI, UriRegexRewrite, "
                    + "or authority. Only one of URI or UriRegexRewrite may be specified");
            return;
        }
        if (regex == null) {
            return;
        }
        String regexPath = VirtualServicePaths.field(path, "uriRegexRewrite");
        String match = ZeroValues.text(regex.getMatch());
        if (match.isEmpty() || ZeroValues.text(regex.getRewrite()).isEmpty()) {
            context.report(VirtualServiceCodes.REWRITE, regexPath,
                    "UriRegexRewrite requires both Rewrite and Match fields to be specified");
            return;
        }
        Regexes.check(match, "HTTPRewrite.UriRegexRewrite.Match").ifPresent(m ->
                context.report(VirtualServiceCodes.REGEX, VirtualServicePaths.field(regexPath, "match"), m));
    }
}
