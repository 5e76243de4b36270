package io.gwctl.proxy.runtime;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.gwctl.translate.envoy.match.ConnectionChains;
import java.util.List;
import java.util.Objects;

/**
 * A listener as the data plane serves it, with every filter chain compiled.
 *
 * @param proto      the Envoy listener
 * @param port       its port in the config ({@code 8080} for {@code 0.0.0.0_8080})
 * @param serverPort the Gateway server port it was translated from ({@code 80} when a Service maps 80 to
 *                   8080), read back from Istio's names: virtual hosts are {@code <host>:<serverPort>}
 * @param chains     its filter chains, in the listener's order
 */
public record ListenerRuntime(Listener proto, int port, int serverPort, List<FilterChainRuntime> chains) {

    private static final String TLS_INSPECTOR = "envoy.filters.listener.tls_inspector";
    /** Envoy's {@code listener_filters_timeout} when the listener leaves it unset. */
    private static final long DEFAULT_LISTENER_FILTERS_TIMEOUT_MILLIS = 15_000;

    public ListenerRuntime {
        Objects.requireNonNull(proto, "proto");
        chains = List.copyOf(chains);
    }

    public String name() {
        return proto.getName();
    }

    /**
     * The chain for a connection, as Envoy matches it (envoyproxy/envoy
     * {@code source/common/listener_manager/filter_chain_manager_impl.cc}), or null when none matches.
     *
     * @param tls whether the connection starts with a TLS ClientHello
     * @param sni the ClientHello's server name, or null
     */
    public FilterChainRuntime select(boolean tls, String sni) {
        FilterChain chosen = ConnectionChains.select(proto, port, tls, sni);
        if (chosen == null) {
            return null;
        }
        for (FilterChainRuntime c : chains) {
            if (c.proto() == chosen) {
                return c;
            }
        }
        for (FilterChainRuntime c : chains) {
            if (c.proto().equals(chosen)) {
                return c;
            }
        }
        return null;
    }

    /** The connection manager serving plaintext connections, or null when no chain takes them over HTTP. */
    public ConnectionManager plaintext() {
        FilterChainRuntime chain = select(false, null);
        return chain == null ? null : chain.connectionManager();
    }

    /**
     * Whether a connection's first bytes must be read before a chain can be chosen: the listener runs the TLS
     * inspector (envoyproxy/envoy {@code source/extensions/listener/tls_inspector}), or a chain needs TLS facts.
     */
    public boolean inspectsTls() {
        return proto.getListenerFiltersList().stream().anyMatch(f -> f.getName().equals(TLS_INSPECTOR))
                || chains.stream().anyMatch(c -> c.proto().hasTransportSocket()
                        || c.proto().getFilterChainMatch().getServerNamesCount() > 0
                        || !c.proto().getFilterChainMatch().getTransportProtocol().isEmpty());
    }

    /** How long the listener filters may wait for a client's first bytes before the connection is closed. */
    public long listenerFiltersTimeoutMillis() {
        return proto.hasListenerFiltersTimeout() ? millis(proto.getListenerFiltersTimeout())
                : DEFAULT_LISTENER_FILTERS_TIMEOUT_MILLIS;
    }

    static long millis(Duration d) {
        return d.getSeconds() * 1000 + d.getNanos() / 1_000_000;
    }
}
