package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyTunnelSettings;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import io.gwctl.validate.rules.names.IpAddresses;
import java.util.Optional;
import java.util.Set;

/**
 * Tunnelling upstream traffic needs a CONNECT or POST tunnel to a host (FQDN or IP) and port. Istio:
 * {@code validateTunnelSettings} (with {@code agent.ValidateFQDN}, {@code agent.ValidateIPAddress},
 * {@code agent.ValidatePort}).
 */
final class TunnelRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        for (TrafficPolicies.Policy p : TrafficPolicies.policies(context)) {
            TrafficPolicyTunnelSettings tunnel = p.policy().getTunnel();
            if (tunnel == null) {
                continue;
            }
            String path = DestinationRulePaths.field(p.path(), "tunnel");
            String protocol = tunnel.getProtocol() == null ? "" : tunnel.getProtocol();
            if (!protocol.isEmpty() && !protocol.equals("CONNECT") && !protocol.equals("POST")) {
                context.report(DestinationRuleCodes.TUNNEL, path + ".protocol",
                        "tunnel protocol must be \"CONNECT\" or \"POST\"");
            }
            String host = tunnel.getTargetHost() == null ? "" : tunnel.getTargetHost();
            Optional<String> notFqdn = DnsNames.checkFqdn(host);
            if (notFqdn.isPresent() && IpAddresses.parse(host).isEmpty()) {
                context.report(DestinationRuleCodes.TUNNEL, path + ".targetHost",
                        "tunnel target host must be valid FQDN or IP address: %s; %s is not a valid IP",
                        notFqdn.get(), host);
            }
            long port = tunnel.getTargetPort() == null ? 0 : tunnel.getTargetPort();
            if (port < 1 || port > 65535) {
                context.report(DestinationRuleCodes.TUNNEL, path + ".targetPort",
                        "tunnel target port is invalid: port number %d must be in the range 1..65535", port);
            }
        }
    }
}
