package io.gwctl.translate.envoy.match;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.listener.v3.ListenerFilter;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.config.route.v3.VirtualHost;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.util.Arrays;
import java.util.List;

/** Small Envoy configs for the matcher's tests, built from the v3 protos. */
final class Snapshots {

    private Snapshots() {
    }

    /**
     * A snapshot of these listeners and route configurations.
     *
     * @param listeners the listeners
     * @param routes    the route configurations the listeners refer to by RDS
     */
    static EnvoySnapshot snapshot(List<Listener> listeners, RouteConfiguration... routes) {
        return new EnvoySnapshot(listeners, Arrays.asList(routes), List.of(), List.of(), List.of());
    }

    /** A snapshot of one HTTP listener on 8080 whose route configuration {@code http.8080} has these hosts. */
    static EnvoySnapshot http(VirtualHost.Builder... hosts) {
        return snapshot(List.of(listener(8080, httpChain("http", FilterChainMatch.newBuilder(), "http.8080", false))),
                routes("http.8080", hosts));
    }

    /**
     * A listener on {@code 0.0.0.0:port} named {@code 0.0.0.0_port}, with the TLS inspector.
     *
     * @param port   the port
     * @param chains its filter chains
     */
    static Listener listener(int port, FilterChain.Builder... chains) {
        Listener.Builder listener = Listener.newBuilder().setName("0.0.0.0_" + port)
                .setAddress(Address.newBuilder().setSocketAddress(
                        SocketAddress.newBuilder().setAddress("0.0.0.0").setPortValue(port)))
                .addListenerFilters(ListenerFilter.newBuilder().setName(FilterChains.TLS_INSPECTOR));
        for (FilterChain.Builder chain : chains) {
            listener.addFilterChains(chain);
        }
        return listener.build();
    }

    /**
     * A chain with an HTTP connection manager using RDS.
     *
     * @param name      the chain's name
     * @param match     its filter_chain_match
     * @param routeName the RDS route configuration
     * @param tls       whether it terminates TLS
     */
    static FilterChain.Builder httpChain(String name, FilterChainMatch.Builder match, String routeName, boolean tls) {
        FilterChain.Builder chain = FilterChain.newBuilder().setName(name).setFilterChainMatch(match)
                .addFilters(Filter.newBuilder().setName(RequestMatcher.HTTP_CONNECTION_MANAGER)
                        .setTypedConfig(Any.pack(HttpConnectionManager.newBuilder().setStatPrefix(name)
                                .setRds(Rds.newBuilder().setRouteConfigName(routeName)).build())));
        if (tls) {
            chain.setTransportSocket(TransportSocket.newBuilder().setName("envoy.transport_sockets.tls")
                    .setTypedConfig(Any.pack(DownstreamTlsContext.getDefaultInstance())));
        }
        return chain;
    }

    /**
     * A chain with a TCP proxy to one cluster.
     *
     * @param name    the chain's name
     * @param match   its filter_chain_match
     * @param cluster the upstream cluster
     */
    static FilterChain.Builder tcpChain(String name, FilterChainMatch.Builder match, String cluster) {
        return FilterChain.newBuilder().setName(name).setFilterChainMatch(match)
                .addFilters(Filter.newBuilder().setName(RequestMatcher.TCP_PROXY)
                        .setTypedConfig(Any.pack(TcpProxy.newBuilder().setStatPrefix(name).setCluster(cluster).build())));
    }

    static RouteConfiguration routes(String name, VirtualHost.Builder... hosts) {
        RouteConfiguration.Builder config = RouteConfiguration.newBuilder().setName(name);
        for (VirtualHost.Builder host : hosts) {
            config.addVirtualHosts(host);
        }
        return config.build();
    }

    /**
     * A virtual host with these domains and routes.
     *
     * @param name    the virtual host's name
     * @param domains its domains
     */
    static VirtualHost.Builder host(String name, String... domains) {
        return VirtualHost.newBuilder().setName(name).addAllDomains(Arrays.asList(domains));
    }

    /** A route named {@code name} with this match, forwarding to {@code cluster}. */
    static Route.Builder route(String name, RouteMatch.Builder match, String cluster) {
        return Route.newBuilder().setName(name).setMatch(match).setRoute(RouteAction.newBuilder().setCluster(cluster));
    }

    /** A catch-all route to {@code cluster}. */
    static Route.Builder prefix(String name, String prefix, String cluster) {
        return route(name, RouteMatch.newBuilder().setPrefix(prefix), cluster);
    }
}
