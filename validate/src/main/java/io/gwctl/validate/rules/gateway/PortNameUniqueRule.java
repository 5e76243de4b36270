package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The port names of a Gateway's servers must differ. Istio: {@code ValidateGateway}, "port names in servers
 * must be unique: duplicate name %s", reported at each repeat. Like Istio, this counts unnamed ports too:
 * two servers without a port name repeat the empty name.
 */
final class PortNameUniqueRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.GATEWAY);
    }

    @Override
    public void check(RuleContext context) {
        List<Server> servers = context.spec(Gateway.class).getServers();
        if (servers == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < servers.size(); i++) {
            Server server = servers.get(i);
            if (server == null || server.getPort() == null) {
                continue;
            }
            String name = Objects.requireNonNullElse(server.getPort().getName(), "");
            if (!seen.add(name)) {
                context.report(GatewayCodes.PORT_NAME_DUPLICATE, GatewayPaths.portName(i),
                        "port names in servers must be unique: duplicate name %s", name);
            }
        }
    }
}
