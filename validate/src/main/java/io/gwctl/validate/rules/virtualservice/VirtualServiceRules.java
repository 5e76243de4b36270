package io.gwctl.validate.rules.virtualservice;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The VirtualService rules: Istio's {@code ValidateVirtualService}, one rule per group of checks. */
public final class VirtualServiceRules {

    private VirtualServiceRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of(
                new RoutesPresentRule(),
                new DelegateRule(),
                new GatewayNamesRule(),
                new HostsRule(),
                new JwtClaimRouteRule(),
                new HttpActionRule(),
                new StringMatchRule(),
                new MatchHeaderRule(),
                new MatchAttributesRule(),
                new HeaderOperationsRule(),
                new CorsRule(),
                new FaultRule(),
                new MirrorRule(),
                new RouteDestinationRule(),
                new RedirectRule(),
                new DirectResponseRule(),
                new RetryRule(),
                new RewriteRule(),
                new DurationRule(),
                new TlsRouteRule(),
                new TcpRouteRule(),
                new UnreachableRulesRule());
    }
}
