package io.gwctl.proxy.listener;

import io.gwctl.proxy.runtime.FilterChainRuntime;
import io.gwctl.proxy.tls.TlsSession;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.Objects;

/**
 * Waits for the TLS handshake of a terminating chain, then hands the decrypted connection to the chain's
 * network filter with the protocol ALPN agreed on (envoyproxy/envoy {@code source/common/tls/ssl_socket.cc}).
 * A failed handshake (no or refused client certificate, no common version or cipher, the chain's
 * {@code transport_socket_connect_timeout}) closes the connection.
 */
final class TlsTermination extends ChannelInboundHandlerAdapter {

    private final ConnectionEntry entry;
    private final FilterChainRuntime chain;
    private final String sni;

    TlsTermination(ConnectionEntry entry, FilterChainRuntime chain, String sni) {
        this.entry = Objects.requireNonNull(entry, "entry");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.sni = sni;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof SslHandshakeCompletionEvent done) {
            if (!done.isSuccess()) {
                ctx.close();
                return;
            }
            SslHandler ssl = ctx.pipeline().get(SslHandler.class);
            TlsSession session = TlsSession.of(sni, ssl.engine().getSession());
            var ch = ctx.channel();
            ctx.pipeline().remove(this);
            entry.serve(ch, chain, session, ssl.applicationProtocol());
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
