package io.gwctl.validate.rules.legacy;

import io.gwctl.validate.rules.ResourceRule;
import java.util.List;

/** The legacy RouteRule, DestinationPolicy and EgressRule rules. */
public final class LegacyRules {

    private LegacyRules() {
    }

    /** The rules of this family, in the order they run. */
    public static List<ResourceRule> all() {
        return List.of(
                new DeprecatedKindRule(),
                new UnreadableSpecRule(),
                new MissingDestinationRule(),
                new ServiceReferenceRule(),
                new RouteDestinationLabelsRule(),
                new MatchRequestRule(),
                new L4MatchRule(),
                new RedirectRewriteRule(),
                new RouteWeightsRule(),
                new AppendHeadersRule(),
                new CorsPolicyRule(),
                new TimeoutRetryRule(),
                new HttpFaultRule(),
                new L4FaultRule(),
                new LoadBalancingRule(),
                new CircuitBreakerRule(),
                new EgressDestinationRule(),
                new EgressPortsRule(),
                new EgressProxyRule());
    }
}
