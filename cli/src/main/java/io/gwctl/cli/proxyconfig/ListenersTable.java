package io.gwctl.cli.proxyconfig;

import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.FilterChainMatch;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code proxy-config listeners}: one row per filter chain, as istioctl's verbose listener table
 * ({@code istioctl/pkg/writer/envoy/configdump/listener.go}): what a chain matches (SNI, transport,
 * application protocols, or ALL) and where it sends traffic (a route config, or a cluster).
 */
public final class ListenersTable {

    private ListenersTable() {
    }

    public static String render(List<Listener> listeners) {
        TextTable table = new TextTable("ADDRESSES", "PORT", "MATCH", "DESTINATION");
        for (Listener listener : listeners) {
            String address = listener.getAddress().getSocketAddress().getAddress();
            String port = String.valueOf(listener.getAddress().getSocketAddress().getPortValue());
            List<FilterChain> chains = new ArrayList<>(listener.getFilterChainsList());
            if (listener.hasDefaultFilterChain()) {
                chains.add(listener.getDefaultFilterChain());
            }
            for (FilterChain chain : chains) {
                table.add(address, port, match(chain.getFilterChainMatch()), destination(chain));
            }
        }
        return table.render();
    }

    static String match(FilterChainMatch match) {
        List<String> parts = new ArrayList<>();
        if (match.getServerNamesCount() > 0) {
            parts.add("SNI: " + String.join(",", match.getServerNamesList()));
        }
        if (!match.getTransportProtocol().isEmpty()) {
            parts.add("Trans: " + match.getTransportProtocol());
        }
        if (match.getApplicationProtocolsCount() > 0) {
            parts.add("App: " + String.join(",", match.getApplicationProtocolsList()));
        }
        if (match.hasDestinationPort()) {
            parts.add("Addr: *:" + match.getDestinationPort().getValue());
        }
        return parts.isEmpty() ? "ALL" : String.join("; ", parts);
    }

    static String destination(FilterChain chain) {
        for (Filter filter : chain.getFiltersList()) {
            try {
                if (filter.getTypedConfig().is(HttpConnectionManager.class)) {
                    HttpConnectionManager hcm = filter.getTypedConfig().unpack(HttpConnectionManager.class);
                    if (hcm.hasRds()) {
                        return "Route: " + hcm.getRds().getRouteConfigName();
                    }
                    return "Inline Route: " + (hcm.getRouteConfig().getVirtualHostsCount() == 0 ? "" : hcm.getRouteConfig().getName());
                }
                if (filter.getTypedConfig().is(TcpProxy.class)) {
                    TcpProxy tcp = filter.getTypedConfig().unpack(TcpProxy.class);
                    if (tcp.hasWeightedClusters()) {
                        List<String> names = new ArrayList<>();
                        tcp.getWeightedClusters().getClustersList().forEach(c -> names.add(c.getName()));
                        return "Cluster: " + String.join(",", names);
                    }
                    return "Cluster: " + tcp.getCluster();
                }
            } catch (InvalidProtocolBufferException e) {
                return "Non-HTTP/Non-TCP";
            }
        }
        return "Non-HTTP/Non-TCP";
    }
}
