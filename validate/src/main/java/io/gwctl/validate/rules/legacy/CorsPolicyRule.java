package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.CorsPolicy;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * A RouteRule's CORS policy: the max age is a whole number of seconds of at least 1ms, header names are
 * lower case and methods are ones Go's net/http names. Istio 0.8 {@code ValidateRouteRule}:
 * {@code ValidateDuration}, "max_age duration is accurate only to seconds precision",
 * {@code ValidateHTTPHeaderName}, "%q is not a supported HTTP method".
 */
final class CorsPolicyRule implements ResourceRule {

    private static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE");

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE);
    }

    @Override
    public void check(RuleContext context) {
        CorsPolicy cors = context.spec(RouteRuleSpec.class).corsPolicy();
        if (cors == null) {
            return;
        }
        String path = LegacyPaths.spec(context, "corsPolicy");
        if (cors.maxAge() != null) {
            String maxAge = LegacyPaths.field(context, path, "maxAge");
            LegacyDurations.check(cors.maxAge()).ifPresent(m -> context.report(LegacyCodes.CORS_POLICY, maxAge, m));
            if (LegacyDurations.hasFractionalSeconds(cors.maxAge())) {
                context.report(LegacyCodes.CORS_POLICY, maxAge,
                        "max_age duration is accurate only to seconds precision");
            }
        }
        checkHeaderNames(context, LegacyPaths.field(context, path, "allowHeaders"), cors.allowHeaders());
        checkHeaderNames(context, LegacyPaths.field(context, path, "exposeHeaders"), cors.exposeHeaders());
        String methods = LegacyPaths.field(context, path, "allowMethods");
        for (int i = 0; i < cors.allowMethods().size(); i++) {
            String method = cors.allowMethods().get(i) == null ? "" : cors.allowMethods().get(i);
            if (!METHODS.contains(method)) {
                context.report(LegacyCodes.CORS_POLICY, LegacyPaths.item(methods, i),
                        "\"%s\" is not a supported HTTP method", method);
            }
        }
    }

    private static void checkHeaderNames(RuleContext context, String path, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String at = LegacyPaths.item(path, i);
            LegacyNames.checkHeaderName(names.get(i) == null ? "" : names.get(i))
                    .ifPresent(m -> context.report(LegacyCodes.CORS_POLICY, at, m));
        }
    }
}
