package io.gwctl.proxy.listener;

import io.gwctl.proxy.runtime.FilterChainRuntime;
import io.gwctl.proxy.runtime.ListenerRuntime;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.AbstractSniHandler;
import io.netty.util.concurrent.Future;
import java.util.List;
import java.util.Objects;

/**
 * The TLS inspector (envoyproxy/envoy {@code source/extensions/listener/tls_inspector/tls_inspector.cc}): reads
 * the connection's first bytes without consuming them, and tells whether they are a TLS ClientHello and which
 * server name it carries. The bytes stay buffered and go on, once the chain is chosen, to whatever serves it.
 * A client that sends nothing within the listener's {@code listener_filters_timeout} is closed.
 */
final class ClientHelloSniffer extends AbstractSniHandler<FilterChainRuntime> {

    /** The record type of a TLS handshake message (RFC 8446 section 5.1). */
    private static final int HANDSHAKE = 22;

    private final ConnectionEntry entry;
    private final ListenerRuntime listener;
    private boolean tls;
    private boolean firstBytesSeen;

    ClientHelloSniffer(ConnectionEntry entry, ListenerRuntime listener) {
        super(listener.listenerFiltersTimeoutMillis());
        this.entry = Objects.requireNonNull(entry, "entry");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (!firstBytesSeen && in.isReadable()) {
            firstBytesSeen = true;
            tls = in.getUnsignedByte(in.readerIndex()) == HANDSHAKE;
        }
        super.decode(ctx, in, out);
    }

    @Override
    protected Future<FilterChainRuntime> lookup(ChannelHandlerContext ctx, String hostname) {
        return ctx.executor().newSucceededFuture(listener.select(tls, tls ? hostname : null));
    }

    @Override
    protected void onLookupComplete(ChannelHandlerContext ctx, String hostname, Future<FilterChainRuntime> future) {
        FilterChainRuntime chain = future.isSuccess() ? future.getNow() : null;
        if (chain == null) {
            ctx.close();
            return;
        }
        // Removing the sniffer passes the bytes it holds on to the handlers the chain installs after it.
        var ch = ctx.channel();
        entry.chosen(ch, chain, tls, tls ? hostname : null);
        if (ch.isOpen()) {
            ctx.pipeline().remove(this);
        }
    }

    /** Bytes that are not TLS where a record was expected: the connection ends, as Envoy's inspector ends it. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
