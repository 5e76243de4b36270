package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Map;
import java.util.Set;

/**
 * The string matches of HTTP matches: a regex must be a non-empty RE2 expression of at most 1024 bytes, and
 * a prefix must not be empty except for {@code uri} (Envoy allows an empty path prefix but not an empty
 * string-matcher prefix). A {@code withoutHeaders} regex of {@code *} means "header present" and is not a
 * regex. Istio {@code validateHTTPRouteMatchRequest}, {@code validateStringMatch},
 * {@code validateStringMatchRegexp}.
 */
final class StringMatchRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        RouteMatches.http(context.spec(VirtualService.class), (match, path) -> check(context, match, path));
    }

    private static void check(RuleContext context, HTTPMatchRequest match, String path) {
        for (Map.Entry<String, StringMatch> e : ZeroValues.map(match.getHeaders()).entrySet()) {
            stringMatch(context, e.getValue(), "headers", key(path, "headers", e.getKey()));
        }
        for (Map.Entry<String, StringMatch> e : ZeroValues.map(match.getWithoutHeaders()).entrySet()) {
            StringMatch absent = e.getValue();
            boolean present = absent != null && absent.getMatchType() instanceof StringMatchRegex r
                    && "*".equals(r.getRegex());
            if (absent != null && !present) {
                stringMatch(context, absent, "withoutHeaders", key(path, "withoutHeaders", e.getKey()));
            }
        }
        regex(context, match.getUri(), "uri", VirtualServicePaths.field(path, "uri"));
        stringMatch(context, match.getScheme(), "scheme", VirtualServicePaths.field(path, "scheme"));
        stringMatch(context, match.getMethod(), "method", VirtualServicePaths.field(path, "method"));
        stringMatch(context, match.getAuthority(), "authority", VirtualServicePaths.field(path, "authority"));
        for (Map.Entry<String, StringMatch> e : ZeroValues.map(match.getQueryParams()).entrySet()) {
            stringMatch(context, e.getValue(), "queryParams", key(path, "queryParams", e.getKey()));
        }
    }

    private static String key(String match, String map, String key) {
        return VirtualServicePaths.field(VirtualServicePaths.field(match, map), ZeroValues.text(key));
    }

    /** Istio {@code validateStringMatch}: no empty prefix, and a valid regex. */
    private static void stringMatch(RuleContext context, StringMatch match, String where, String path) {
        if (match != null && match.getMatchType() instanceof StringMatchPrefix prefix
                && ZeroValues.text(prefix.getPrefix()).isEmpty()) {
            context.report(VirtualServiceCodes.EMPTY_PREFIX, VirtualServicePaths.field(path, "prefix"),
                    GoFormat.quote(where) + ": prefix string match should not be empty");
        }
        regex(context, match, where, path);
    }

    /** Istio {@code validateStringMatchRegexp}: a regex match must hold a valid regex. */
    private static void regex(RuleContext context, StringMatch match, String where, String path) {
        if (match != null && match.getMatchType() instanceof StringMatchRegex regex) {
            Regexes.checkMatch(ZeroValues.text(regex.getRegex()), where).ifPresent(m ->
                    context.report(VirtualServiceCodes.REGEX, VirtualServicePaths.field(path, "regex"), m));
        }
    }
}
