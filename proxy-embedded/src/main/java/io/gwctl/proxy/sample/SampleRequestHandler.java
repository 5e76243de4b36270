package io.gwctl.proxy.sample;

import static java.util.Objects.requireNonNull;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * Serves the requests of one HTTP/1.x connection, or of one HTTP/2 stream, as {@link HttpObject}s: hands each
 * request to the endpoint {@link SampleRoutes} picks, feeds it the body, and decides when to read more.
 *
 * <p>Reading is paused while
 * <ul>
 *   <li>a request has been read but its response has not been written to its end: an HTTP/1.1 client may
 *       pipeline requests, and responses must go out in request order (RFC 9112 section 9.3.2);</li>
 *   <li>the channel is not writable: {@code /echo} writes what it reads, so reading on would only pile the body
 *       up in memory.</li>
 * </ul>
 * A {@link io.netty.handler.flow.FlowControlHandler} in front holds messages decoded ahead of the pause. The end
 * of a response is seen here because responses are written from the pipeline's tail (see {@link Exchange}).
 *
 * <p>A WebSocket upgrade of {@code /ws} hands the connection to Netty's {@link WebSocketServerProtocolHandler}
 * and a {@link WebSocketEchoHandler}; this handler then leaves the pipeline.
 */
final class SampleRequestHandler extends ChannelDuplexHandler {

    static final String WEBSOCKET_PROTOCOL = "websocket-protocol";
    static final String WEBSOCKET_ECHO = "websocket-echo";

    private final BackendState backend;
    private InFlightRequest current;
    private boolean awaitingResponse;
    private boolean outputBlocked;

    SampleRequestHandler(BackendState backend) {
        this.backend = requireNonNull(backend, "backend");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (msg instanceof HttpRequest request && !startRequest(ctx, request, msg)) {
            return;
        }
        if (msg instanceof HttpContent content) {
            readBody(ctx, content);
        }
    }

    /** Starts answering {@code request}; false if {@code msg} was consumed already (rejected or handed off). */
    private boolean startRequest(ChannelHandlerContext ctx, HttpRequest request, Object msg) {
        backend.countRequest();
        cancelCurrent();
        RequestTarget target = request.decoderResult().isSuccess() ? parseTarget(request.uri()) : null;
        if (target == null) {
            ReferenceCountUtil.release(msg);
            rejectMalformed(ctx);
            return false;
        }
        Exchange exchange = new Exchange(ctx.channel(), request, target, backend);
        if (isWebSocketUpgrade(exchange) && msg instanceof FullHttpRequest) {
            handOffToWebSocket(ctx, msg);
            return false;
        }
        current = SampleRoutes.open(exchange);
        return true;
    }

    private void readBody(ChannelHandlerContext ctx, HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release();
            cancelCurrent();
            ctx.close();
            return;
        }
        if (current == null) {
            content.release();
            return;
        }
        if (content instanceof LastHttpContent) {
            awaitingResponse = true;
        }
        current.onContent(content);
        outputBlocked = !ctx.channel().isWritable();
        updateReading(ctx);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        ctx.write(msg, promise);
        if (msg instanceof LastHttpContent && awaitingResponse) {
            awaitingResponse = false;
            current = null;
            ctx.executor().execute(() -> updateReading(ctx));
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        outputBlocked = !ctx.channel().isWritable();
        if (!outputBlocked && current != null) {
            current.onWritable();
        }
        updateReading(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancelCurrent();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        cancelCurrent();
        ctx.close();
    }

    private void updateReading(ChannelHandlerContext ctx) {
        if (!ctx.isRemoved()) {
            ctx.channel().config().setAutoRead(!awaitingResponse && !outputBlocked);
        }
    }

    private void cancelCurrent() {
        if (current != null) {
            current.cancel();
            current = null;
        }
        awaitingResponse = false;
    }

    private static RequestTarget parseTarget(String uri) {
        try {
            return RequestTarget.parse(uri);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    /** A request that could not be parsed leaves the connection in an unknown state: answer 400 and close. */
    private static void rejectMalformed(ChannelHandlerContext ctx) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
        HttpUtil.setContentLength(response, 0);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static boolean isWebSocketUpgrade(Exchange exchange) {
        HttpRequest request = exchange.request();
        return !exchange.isHttp2()
                && exchange.target().path().equals(WebSocketEchoHandler.PATH)
                && request.uri().startsWith(WebSocketEchoHandler.PATH)
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    /**
     * Puts the WebSocket handlers right behind this one, passes them the upgrade request (already aggregated by
     * the HTTP upgrade handler, since it carries {@code Upgrade}) and steps out of the pipeline.
     */
    private void handOffToWebSocket(ChannelHandlerContext ctx, Object upgradeRequest) {
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.addAfter(ctx.name(), WEBSOCKET_PROTOCOL,
                new WebSocketServerProtocolHandler(WebSocketEchoHandler.protocolConfig()));
        pipeline.addAfter(WEBSOCKET_PROTOCOL, WEBSOCKET_ECHO, new WebSocketEchoHandler());
        ctx.fireChannelRead(upgradeRequest);
        pipeline.remove(this);
        ctx.channel().config().setAutoRead(true);
    }
}
