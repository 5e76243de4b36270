package io.gwctl.validate.rules.gateway;

import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.Set;

/**
 * A Gateway's name must be a DNS-1123 label, stricter than Kubernetes' names: Istio derives listener and
 * route names from it and rejects dots. Istio: {@code ValidateGateway}, "invalid gateway name: %q",
 * skipped for Gateways generated from the Gateway API. A missing name is the common rules' finding.
 */
final class GatewayNameRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.GATEWAY);
    }

    @Override
    public void check(RuleContext context) {
        String name = context.resource().name();
        if (name.isEmpty() || DnsNames.isLabel(name) || GatewayApiSemantics.applies(context.resource())) {
            return;
        }
        context.report(GatewayCodes.GATEWAY_NAME, GatewayPaths.NAME, "invalid gateway name: %s",
                GoFormat.quote(name));
    }
}
