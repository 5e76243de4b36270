package io.gwctl.proxy.sample;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * Echoes WebSocket text and binary frames (continuations included, so a fragmented message comes back
 * fragmented the same way). Netty's {@link WebSocketServerProtocolHandler} in front of it does the handshake and
 * answers ping and close. Reading pauses while the echo cannot be written, so a fast sender is held back rather
 * than buffered.
 */
final class WebSocketEchoHandler extends ChannelInboundHandlerAdapter {

    static final String PATH = "/ws";

    /** The largest frame accepted; bigger messages must be fragmented by the client. */
    static final int MAX_FRAME_BYTES = 10 * 1024 * 1024;

    /** {@code /ws} with or without a query; close and ping handled by Netty. */
    static WebSocketServerProtocolConfig protocolConfig() {
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(PATH)
                .checkStartsWith(true)
                .maxFramePayloadLength(MAX_FRAME_BYTES)
                .build();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TextWebSocketFrame || msg instanceof BinaryWebSocketFrame
                || msg instanceof ContinuationWebSocketFrame) {
            ctx.writeAndFlush(msg);
            if (!ctx.channel().isWritable()) {
                ctx.channel().config().setAutoRead(false);
            }
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
