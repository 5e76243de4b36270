package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * A Gateway needs at least one server, and no server entry may be empty. Istio: {@code ValidateGateway},
 * "gateway must have at least one server"; {@code validateServer}, "cannot have nil server" (Istio's
 * port-name loop then says "server may not be nil" about the same entry; gwctl reports it once).
 */
final class ServerListRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.GATEWAY);
    }

    @Override
    public void check(RuleContext context) {
        List<Server> servers = context.spec(Gateway.class).getServers();
        if (servers == null || servers.isEmpty()) {
            context.report(GatewayCodes.SERVERS_REQUIRED, GatewayPaths.SERVERS,
                    "gateway must have at least one server");
            return;
        }
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i) == null) {
                context.report(GatewayCodes.SERVER_NULL, GatewayPaths.server(i), "cannot have nil server");
            }
        }
    }
}
