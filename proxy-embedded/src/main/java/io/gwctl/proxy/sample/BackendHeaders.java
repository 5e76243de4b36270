package io.gwctl.proxy.sample;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AsciiString;

/**
 * Stamps {@code x-backend-name} and {@code server} on every response leaving the backend, including those Netty
 * writes itself (100 Continue, the WebSocket 101), so a test can always tell which upstream answered. The one
 * exception is the 101 that switches a connection to HTTP/2, written before the connection has these handlers;
 * the response to the upgraded request itself is stamped.
 */
@Sharable
final class BackendHeaders extends ChannelOutboundHandlerAdapter {

    static final AsciiString BACKEND_NAME = AsciiString.cached("x-backend-name");
    static final String SERVER = "gwctl-sample";

    private final String name;

    BackendHeaders(String name) {
        this.name = requireNonNull(name, "name");
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            response.headers().set(BACKEND_NAME, name).set(HttpHeaderNames.SERVER, SERVER);
        }
        ctx.write(msg, promise);
    }
}
