package io.gwctl.proxy.listener;

import io.gwctl.proxy.http.GatewayServices;
import io.gwctl.proxy.http.HttpPipeline;
import io.gwctl.proxy.runtime.FilterChainRuntime;
import io.gwctl.proxy.runtime.ListenerRuntime;
import io.gwctl.proxy.tls.TlsSession;
import io.netty.channel.Channel;
import java.util.Objects;

/**
 * Where every accepted connection of a listener starts, as in Envoy's listener (envoyproxy/envoy
 * {@code source/common/listener_manager/active_tcp_listener.cc} and {@code filter_chain_manager_impl.cc}): when the
 * listener runs the TLS inspector, the first bytes are peeked at ({@link ClientHelloSniffer}) to learn whether a
 * TLS ClientHello starts the connection and the name it asks for; then the filter chain is picked by Envoy's
 * filter chain match, and a connection no chain takes is closed (a TLS client sees its handshake fail). The
 * chain's TLS context terminates TLS ({@link TlsTermination}), then its network filter serves the bytes.
 */
public final class ConnectionEntry {

    static final String SNIFFER = "gwctl-client-hello";
    static final String TLS = "gwctl-tls";
    static final String TLS_DONE = "gwctl-tls-done";

    private final GatewayServices services;
    private final int listenerPort;

    /**
     * @param listenerPort the listener's port in the config (not the local port it is bound to)
     */
    public ConnectionEntry(GatewayServices services, int listenerPort) {
        this.services = Objects.requireNonNull(services, "services");
        this.listenerPort = listenerPort;
    }

    /** Starts serving a newly accepted connection, with the config serving now. */
    public void accept(Channel ch) {
        ch.config().setAutoRead(false);
        ListenerRuntime listener = services.runtime().listener(listenerPort);
        if (listener == null) {
            ch.close();
            return;
        }
        if (listener.inspectsTls()) {
            ch.pipeline().addLast(SNIFFER, new ClientHelloSniffer(this, listener));
            ch.read();
        } else {
            chosen(ch, listener.select(false, null), false, null);
        }
    }

    /**
     * The chain for the connection is known ({@code null}: none matched).
     *
     * @param tls whether the connection starts with a TLS ClientHello
     * @param sni its server name, or null
     */
    void chosen(Channel ch, FilterChainRuntime chain, boolean tls, String sni) {
        if (chain == null) {
            ch.close();
            return;
        }
        if (chain.tls() != null) {
            ch.pipeline().addLast(TLS, chain.tls().newHandler(ch.alloc()));
            ch.pipeline().addLast(TLS_DONE, new TlsTermination(this, chain, sni));
            ch.read();
            return;
        }
        serve(ch, chain, null, null);
    }

    /**
     * Runs the chain's network filter on the connection, decrypted when {@code tls} is set; {@code alpn} is the
     * protocol the TLS handshake agreed on, or null.
     */
    void serve(Channel ch, FilterChainRuntime chain, TlsSession tls, String alpn) {
        if (chain.connectionManager() != null) {
            HttpPipeline http = new HttpPipeline(services, listenerPort, chain.connectionManager(), tls);
            if ("h2".equals(alpn)) {
                http.installHttp2(ch);
            } else {
                http.installHttp1(ch);
            }
            return;
        }
        // A chain without an HTTP connection manager: its TCP proxy is not served yet, so the connection ends
        // as one no filter accepts.
        ch.close();
    }
}
