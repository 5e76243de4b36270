package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.List;
import java.util.Set;

/**
 * A Gateway rule that looks at each server on its own, as Istio's {@code validateServer} does. Empty
 * entries of {@code spec.servers} are skipped here ({@link ServerListRule} reports them).
 */
abstract class ServerRule implements ResourceRule {

    @Override
    public final Set<ResourceType> kinds() {
        return Set.of(ResourceType.GATEWAY);
    }

    @Override
    public final void check(RuleContext context) {
        List<Server> servers = context.spec(Gateway.class).getServers();
        if (servers == null) {
            return;
        }
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i) != null) {
                checkServer(context, i, servers.get(i));
            }
        }
    }

    /** Checks server {@code index} of the Gateway. */
    abstract void checkServer(RuleContext context, int index, Server server);
}
