package io.gwctl.translate.envoy.gateway;

import com.google.protobuf.Any;
import io.envoyproxy.envoy.config.core.v3.TransportSocket;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filter chains of gateway listeners (pilot {@code buildGatewayListeners} and
 * {@code createGatewayHTTPFilterChainOpts} / {@code createGatewayTCPFilterChainOpts}): an HTTP connection
 * manager reading its routes over RDS, a TCP proxy, and the TLS transport socket of a terminating server.
 */
final class GatewayChains {

    static final String HTTP_CONNECTION_MANAGER = "envoy.filters.network.http_connection_manager";
    static final String TCP_PROXY = "envoy.filters.network.tcp_proxy";
    /** Ends pilot's stat prefixes ({@code util.DelimitedStatsPrefix}), so that stats tag regexes find their end. */
    static final String STAT_PREFIX_DELIMITER = ";";
    static final String TLS_TRANSPORT_SOCKET = "envoy.transport_sockets.tls";

    private GatewayChains() {
    }

    /**
     * A chain whose HTTP connection manager ({@link ConnectionManagerDefaults}) reads route configuration
     * {@code routeName}; its statistics are prefixed by the listener's ({@code outbound_0.0.0.0_<port>;}, pilot's
     * default with its {@code ;} delimiter) unless {@code serverName} names the server (pilot does so for HTTPS
     * servers).
     */
    static FilterChain.Builder http(String routeName, int listenerPort, String serverName) {
        String statPrefix = serverName == null || serverName.isEmpty()
                ? "outbound_0.0.0.0_" + listenerPort + STAT_PREFIX_DELIMITER : serverName;
        HttpConnectionManager hcm = ConnectionManagerDefaults.connectionManager(statPrefix, routeName);
        return chain().addFilters(Filter.newBuilder().setName(HTTP_CONNECTION_MANAGER).setTypedConfig(Any.pack(hcm)));
    }

    /** A chain with the handshake deadline pilot gives every gateway chain. */
    private static FilterChain.Builder chain() {
        return FilterChain.newBuilder()
                .setTransportSocketConnectTimeout(ConnectionManagerDefaults.TRANSPORT_SOCKET_CONNECT_TIMEOUT);
    }

    /**
     * A chain proxying TCP to its one cluster, or splitting by weight between several (no weight written: an
     * even share, as Istio's validation requires weights when there are several).
     */
    static FilterChain.Builder tcp(Map<String, Integer> clusters) {
        TcpProxy.Builder proxy = TcpProxy.newBuilder();
        if (clusters.size() == 1) {
            String cluster = clusters.keySet().iterator().next();
            proxy.setStatPrefix(cluster).setCluster(cluster);
        } else {
            TcpProxy.WeightedCluster.Builder weighted = TcpProxy.WeightedCluster.newBuilder();
            clusters.forEach((name, weight) -> weighted.addClusters(TcpProxy.WeightedCluster.ClusterWeight.newBuilder()
                    .setName(name).setWeight(weight == 0 ? 1 : weight)));
            proxy.setStatPrefix(String.join(",", clusters.keySet())).setWeightedClusters(weighted);
        }
        return chain().addFilters(Filter.newBuilder().setName(TCP_PROXY).setTypedConfig(Any.pack(proxy.build())));
    }

    /** Matches SNI names (none for {@code *}: every name). */
    static FilterChainMatch.Builder sni(List<String> names) {
        FilterChainMatch.Builder m = FilterChainMatch.newBuilder();
        if (!names.contains("*")) {
            m.addAllServerNames(names);
        }
        return m;
    }

    /**
     * The TLS transport socket of a terminating server ({@link ServerTlsContext}), adding the SDS names it uses to
     * {@code secrets}.
     *
     * @param tcpServer whether the server is a {@code TLS} server proxied as TCP (not {@code HTTPS})
     */
    static TransportSocket tls(ServerTLSSettings settings, boolean tcpServer, Set<String> secrets) {
        return TransportSocket.newBuilder().setName(TLS_TRANSPORT_SOCKET)
                .setTypedConfig(Any.pack(ServerTlsContext.of(settings, tcpServer, secrets))).build();
    }
}
