package io.gwctl.proxy.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * One direction of an upgraded connection (a WebSocket after {@code 101 Switching Protocols}): bytes read here
 * are written to the peer as they are. Reading stops while the peer cannot take more and resumes when it can;
 * when one side closes, the other is closed once what it was sent is flushed (Envoy's upgrade tunnel, as
 * Netty's proxy example relays).
 */
final class TunnelRelay extends ChannelInboundHandlerAdapter {

    private final Channel peer;

    TunnelRelay(Channel peer) {
        this.peer = peer;
    }

    /** Joins {@code a} and {@code b}: what either reads, the other writes. */
    static void join(Channel a, Channel b) {
        a.pipeline().addLast("tunnel", new TunnelRelay(b));
        b.pipeline().addLast("tunnel", new TunnelRelay(a));
        a.config().setAutoRead(true);
        b.config().setAutoRead(true);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        peer.write(msg, peer.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        peer.flush();
        if (!peer.isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            peer.config().setAutoRead(true);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (peer.isActive()) {
            peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
