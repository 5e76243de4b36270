package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Interim: a RouteConfiguration prepared for matching. */
public final class RouteTable {
    private final RouteConfiguration config;
    private final List<CompiledVirtualHost> hosts = new ArrayList<>();

    private RouteTable(RouteConfiguration config) {
        this.config = config;
        for (int i = 0; i < config.getVirtualHostsCount(); i++) {
            hosts.add(new CompiledVirtualHost(config.getVirtualHosts(i), i));
        }
    }

    public static RouteTable compile(RouteConfiguration config) {
        return new RouteTable(config);
    }

    public RouteConfiguration config() {
        return config;
    }

    public CompiledVirtualHost virtualHost(String host) {
        VirtualHost vh = VirtualHosts.select(config, host, new ArrayList<>());
        return vh == null ? null : hosts.get(config.getVirtualHostsList().indexOf(vh));
    }

    static TraceRequest trace(HttpRequestView r) {
        return new TraceRequest(r.tls() ? "https" : "http", 0, null, r.host(), r.path(), r.method(), Map.of());
    }
}
