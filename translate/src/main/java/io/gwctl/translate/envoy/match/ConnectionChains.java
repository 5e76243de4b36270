package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.ArrayList;

/**
 * The filter chain Envoy picks for a new connection: the data plane's entry into the same selection
 * {@code proxy-config trace} explains ({@link FilterChains}).
 */
public final class ConnectionChains {

    private ConnectionChains() {
    }

    /**
     * The chain for a connection arriving on {@code port}.
     *
     * @param tls whether the connection starts with a TLS ClientHello
     * @param sni the ClientHello's server name, or null
     * @return the chain, or null when none matches (Envoy then closes the connection)
     */
    public static FilterChain select(Listener listener, int port, boolean tls, String sni) {
        TraceRequest connection = new TraceRequest(tls ? "https" : "http", port, sni, sni, "/", null, null);
        return FilterChains.select(listener, connection, new ArrayList<>()).chain();
    }
}
