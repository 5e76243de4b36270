package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.CorsPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.IsStringMatchMatchType;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A CORS policy: every allowed origin a non-empty exact, prefix or RE2 regex match, methods Go's
 * {@code net/http} knows (or {@code *}), header names that are HTTP tokens (or {@code *}), and a
 * {@code maxAge} in whole seconds (Envoy's {@code access-control-max-age} is in seconds). Istio
 * {@code validateCORSPolicy}, {@code validateAllowOrigins}, {@code ValidateCORSHTTPHeaderName}; the rest of
 * the maxAge check is {@link DurationRule}'s.
 */
final class CorsRule extends HttpRouteRule {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT",
            "OPTIONS", "TRACE", "*");

    @Override
    void checkRoute(RuleContext context, HTTPRoute route, int index, String path) {
        if (route.getCorsPolicy() != null) {
            check(context, route.getCorsPolicy(), VirtualServicePaths.field(path, "corsPolicy"));
        }
    }

    private static void check(RuleContext context, CorsPolicy policy, String path) {
        List<StringMatch> origins = ZeroValues.list(policy.getAllowOrigins());
        for (int k = 0; k < origins.size(); k++) {
            origin(context, origins.get(k), VirtualServicePaths.item(VirtualServicePaths.field(path, "allowOrigins"), k));
        }
        List<String> methods = ZeroValues.list(policy.getAllowMethods());
        for (int k = 0; k < methods.size(); k++) {
            String method = ZeroValues.text(methods.get(k));
            if (!METHODS.contains(method)) {
                String at = VirtualServicePaths.item(VirtualServicePaths.field(path, "allowMethods"), k);
                context.report(VirtualServiceCodes.CORS, at, GoFormat.quote(method) + " is not a supported HTTP method");
            }
        }
        headers(context, policy.getAllowHeaders(), VirtualServicePaths.field(path, "allowHeaders"));
        headers(context, policy.getExposeHeaders(), VirtualServicePaths.field(path, "exposeHeaders"));
        Optional<Duration> maxAge = policy.getMaxAge() == null ? Optional.empty() : Durations.parse(policy.getMaxAge());
        if (maxAge.isPresent() && !maxAge.get().isNegative() && maxAge.get().getNano() > 0) {
            context.report(VirtualServiceCodes.CORS, VirtualServicePaths.field(path, "maxAge"),
                    "max_age duration is accurate only to seconds precision");
        }
    }

    private static void origin(RuleContext context, StringMatch origin, String path) {
        IsStringMatchMatchType type = origin == null ? null : origin.getMatchType();
        String value = "";
        if (type instanceof StringMatchExact exact) {
            value = ZeroValues.text(exact.getExact());
        } else if (type instanceof StringMatchPrefix prefix) {
            value = ZeroValues.text(prefix.getPrefix());
        } else if (type instanceof StringMatchRegex regex) {
            value = ZeroValues.text(regex.getRegex());
        }
        if (value.isEmpty()) {
            context.report(VirtualServiceCodes.CORS, path, "'' is not a valid match type for CORS allow origins");
        } else if (type instanceof StringMatchRegex) {
            Regexes.check(value, "corsPolicy.allowOrigins").ifPresent(m ->
                    context.report(VirtualServiceCodes.REGEX, VirtualServicePaths.field(path, "regex"), m));
        }
    }

    private static void headers(RuleContext context, List<String> names, String path) {
        List<String> items = ZeroValues.list(names);
        for (int k = 0; k < items.size(); k++) {
            String at = VirtualServicePaths.item(path, k);
            HeaderNames.checkCors(ZeroValues.text(items.get(k)))
                    .ifPresent(m -> context.report(VirtualServiceCodes.CORS, at, m));
        }
    }
}
