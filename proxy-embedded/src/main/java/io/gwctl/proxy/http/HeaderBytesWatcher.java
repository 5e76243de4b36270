package io.gwctl.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Sits in front of the HTTP/1.1 codec and tells the connection's handler when bytes arrive, so
 * {@code request_headers_timeout} starts at a request's first byte as Envoy's does, not when the
 * connection opens.
 */
final class HeaderBytesWatcher extends ChannelInboundHandlerAdapter {

    private final DownstreamHandler handler;

    HeaderBytesWatcher(DownstreamHandler handler) {
        this.handler = handler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf && buf.isReadable()) {
            handler.onBytes();
        }
        ctx.fireChannelRead(msg);
    }
}
