package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.HttpRedirect;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * A redirect answers the request itself, so a redirecting RouteRule can neither route, inject faults,
 * rewrite nor upgrade to WebSocket; and a redirect or rewrite must change the path, the host or both.
 * Istio 0.8 {@code ValidateRouteRule}, in its order: "rewrite must specify path, host, or both",
 * "rule cannot contain both route and redirect", "rule cannot contain both fault and redirect",
 * "redirect must specify path, host, or both", "WebSocket upgrade is not allowed on redirect rules",
 * "rule cannot contain both rewrite and redirect".
 */
final class RedirectRewriteRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE);
    }

    @Override
    public void check(RuleContext context) {
        RouteRuleSpec spec = context.spec(RouteRuleSpec.class);
        if (spec.rewrite() != null && spec.rewrite().uri().isEmpty() && spec.rewrite().authority().isEmpty()) {
            context.report(LegacyCodes.EMPTY_REDIRECT_OR_REWRITE, "spec.rewrite",
                    "rewrite must specify path, host, or both");
        }
        HttpRedirect redirect = spec.redirect();
        if (redirect == null) {
            return;
        }
        if (!spec.route().isEmpty()) {
            context.report(LegacyCodes.REDIRECT_CONFLICT, "spec.route", "rule cannot contain both route and redirect");
        }
        if (spec.httpFault() != null) {
            context.report(LegacyCodes.REDIRECT_CONFLICT, LegacyPaths.spec(context, "httpFault"),
                    "rule cannot contain both fault and redirect");
        }
        if (redirect.uri().isEmpty() && redirect.authority().isEmpty()) {
            context.report(LegacyCodes.EMPTY_REDIRECT_OR_REWRITE, "spec.redirect",
                    "redirect must specify path, host, or both");
        }
        if (spec.websocketUpgrade()) {
            context.report(LegacyCodes.REDIRECT_CONFLICT, LegacyPaths.spec(context, "websocketUpgrade"),
                    "WebSocket upgrade is not allowed on redirect rules");
        }
        if (spec.rewrite() != null) {
            context.report(LegacyCodes.REDIRECT_CONFLICT, "spec.rewrite",
                    "rule cannot contain both rewrite and redirect");
        }
    }
}
