package io.gwctl.proxy.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;

/**
 * One direction of a proxied TCP connection: the bytes its channel reads are written to the peer as they are.
 * Reading stops as soon as the peer holds more unsent bytes than its high water mark and resumes when the peer
 * drains below its low one, so each direction buffers at most about one water mark (Envoy's tcp_proxy does the
 * same with its connections' watermarks: envoyproxy/envoy source/common/tcp_proxy/tcp_proxy.cc,
 * {@code readDisableUpstream} / {@code readDisableDownstream}). The end of input is the session's to handle; a
 * failure closes the channel, and the session closes the peer.
 */
final class TcpRelay extends ChannelInboundHandlerAdapter {

    static final String NAME = "tcp-relay";

    private final TcpProxySession session;
    private final boolean downstream;
    private Channel peer;

    /**
     * @param session    the connection this relay is one direction of
     * @param peer       where the bytes go; null until the upstream is connected
     * @param downstream whether this relay reads the downstream (client) side
     */
    TcpRelay(TcpProxySession session, Channel peer, boolean downstream) {
        this.session = session;
        this.peer = peer;
        this.downstream = downstream;
    }

    /** The upstream is connected: bytes read from now on go to it. */
    void peer(Channel connected) {
        this.peer = connected;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf bytes)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (peer == null) {
            // Read before the upstream exists (epoll reads a peer's data and FIN together, whatever autoRead says).
            session.early(bytes);
            return;
        }
        if (!peer.isActive()) {
            bytes.release();
            return;
        }
        session.read(downstream, bytes.readableBytes());
        peer.write(bytes, peer.voidPromise());
        if (!peer.isWritable()) {
            // Stop reading before flushing: a flush that drains the peer at once resumes reading from within.
            ctx.channel().config().setAutoRead(false);
            session.paused(downstream);
            peer.flush();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (peer != null) {
            peer.flush();
        }
        ctx.fireChannelReadComplete();
    }

    /** This channel drained what the peer sent it: the peer may read again. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            session.resume(!downstream);
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt == ChannelInputShutdownEvent.INSTANCE) {
            session.inputEnded(downstream);
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** A reset or a failed write: the channel is closed, and with it, once flushed, the peer. */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
