package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.Set;

/**
 * The host a DestinationRule applies to is a domain name that may start with a wildcard label. Istio:
 * {@code ValidateDestinationRule} → {@code agent.ValidateWildcardDomain} ("empty domain name not allowed",
 * "domain name %q invalid (label %q invalid)", …). Short names are fine here: Istio resolves them in the
 * rule's namespace.
 */
final class HostRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        String host = context.spec(DestinationRule.class).getHost();
        DnsNames.checkWildcardDomain(host == null ? "" : host)
                .ifPresent(message -> context.report(DestinationRuleCodes.HOST, DestinationRulePaths.HOST, message));
    }
}
