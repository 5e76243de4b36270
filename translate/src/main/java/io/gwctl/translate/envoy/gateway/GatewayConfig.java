package io.gwctl.translate.envoy.gateway;

import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import java.util.List;
import java.util.Optional;

/**
 * What a gateway workload is given: its listeners, the route configurations their HTTP connection managers
 * name through RDS, and the SDS secret names ({@code kubernetes://<credentialName>}) their TLS contexts use.
 */
public record GatewayConfig(List<Listener> listeners, List<RouteConfiguration> routes, List<String> secrets) {

    public GatewayConfig {
        listeners = List.copyOf(listeners);
        routes = List.copyOf(routes);
        secrets = List.copyOf(secrets);
    }

    public Optional<Listener> listener(String name) {
        return listeners.stream().filter(l -> l.getName().equals(name)).findFirst();
    }

    public Optional<RouteConfiguration> route(String name) {
        return routes.stream().filter(r -> r.getName().equals(name)).findFirst();
    }
}
