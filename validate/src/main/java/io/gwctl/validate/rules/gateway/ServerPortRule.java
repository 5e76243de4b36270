package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Port;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * A server's port number must be a TCP port. Istio: {@code validateServerPort},
 * "port number %d must be in the range 1..65535" (a unix-socket bind takes port 0, checked with binds).
 */
final class ServerPortRule implements ResourceRule {

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
        for (int i = 0; i < servers.size(); i++) {
            Server server = servers.get(i);
            Port port = server == null ? null : server.getPort();
            if (port == null || port.getNumber() == null) {
                continue;
            }
            long number = port.getNumber();
            boolean unix = server.getBind() != null && server.getBind().startsWith("unix://");
            if ((number < 1 || number > 65535) && !(unix && number == 0)) {
                context.report(GatewayCodes.PORT_NUMBER, GatewayPaths.portNumber(i),
                        "port number %d must be in the range 1..65535", number);
            }
        }
    }
}
