package io.gwctl.proxy.runtime;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy;
import io.gwctl.proxy.tls.ServerTls;
import java.util.Objects;

/**
 * One filter chain of a listener, compiled once with its listener: what terminates TLS on it (null when it
 * has no TLS transport socket: plaintext, or TLS passed through as bytes) and its network filter, an HTTP
 * connection manager or a TCP proxy (both null when it has neither, and its connections are closed).
 *
 * @param proto           the Envoy filter chain
 * @param name            how messages name it: its name, else its connection manager's route or TCP proxy's
 *                        stat prefix
 * @param tls             its TLS termination, or null
 * @param connectionManager its HTTP connection manager, or null
 * @param tcpProxy        its TCP proxy, or null
 */
public record FilterChainRuntime(FilterChain proto, String name, ServerTls tls, ConnectionManager connectionManager,
        TcpProxy tcpProxy) {

    public FilterChainRuntime {
        Objects.requireNonNull(proto, "proto");
        Objects.requireNonNull(name, "name");
    }
}
