package io.gwctl.proxy.http;

import io.gwctl.proxy.runtime.ConnectionManager;
import io.gwctl.proxy.runtime.FilterChainRuntime;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.proxy.runtime.ListenerRuntime;
import io.gwctl.proxy.tls.TlsSession;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.gwctl.proxy.upstream.UpstreamHandlerName;
import java.util.List;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The client side of the gateway for one HTTP/1.1 connection or one HTTP/2 stream: turns what the codec
 * decodes into {@link ProxyExchange}s, one at a time. Pipelined HTTP/1.1 requests wait their turn, so
 * responses leave in request order; the connection is read only when the exchange wants more request body,
 * or between exchanges.
 *
 * <p>Malformed requests get Envoy's answers and the connection is closed, so no leftover byte is taken for
 * the next request: 431 for headers over {@code max_request_headers_kb}, 400 for bad framing (both
 * {@code Content-Length} and {@code Transfer-Encoding}, differing {@code Content-Length}s, a bad chunk).
 * A connection without a request in flight is closed after the connection manager's idle timeout, and one
 * that started a request's headers without finishing them after {@code request_headers_timeout}.
 */
final class DownstreamHandler extends ChannelDuplexHandler implements Downstream {

    private final GatewayServices services;
    private final int listenerPort;
    private final TlsSession tls;
    private ChannelHandlerContext ctx;
    private boolean http2;
    private ProxyExchange current;
    private boolean currentRequestDone;
    private HttpVersion version = HttpVersion.HTTP_1_1;
    private final ArrayDeque<Object> pipelined = new ArrayDeque<>();
    private boolean closing;
    private boolean draining;
    private ScheduledFuture<?> idleTimer;
    private ScheduledFuture<?> headersTimer;
    private ConnectionManager connectionManager;
    private GatewayRuntime runtime;
    private ListenerRuntime listener;

    /**
     * @param tls the connection's TLS session, or null for plaintext
     */
    DownstreamHandler(GatewayServices services, int listenerPort, TlsSession tls) {
        this.services = services;
        this.listenerPort = listenerPort;
        this.tls = tls;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.http2 = context.channel() instanceof Http2StreamChannel;
        if (context.channel().isActive()) {
            opened();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        opened();
        context.fireChannelActive();
    }

    private boolean opened;

    private void opened() {
        if (opened) {
            return;
        }
        opened = true;
        ConnectionManager cm = connectionManager();
        if (cm != null && !http2) {
            armIdle();
        }
        ctx.read();
    }

    /**
     * The connection manager of this connection's filter chain in the config serving now (the chain the same
     * connection would be given: plaintext, or TLS with its SNI), looked up again only when a reload swapped
     * the config.
     */
    private ConnectionManager connectionManager() {
        GatewayRuntime now = services.runtime();
        if (now != runtime) {
            ListenerRuntime l = now.listener(listenerPort);
            FilterChainRuntime chain = l == null ? null : l.select(tls != null, tls == null ? null : tls.serverName());
            if (chain != null && chain.connectionManager() != null) {
                runtime = now;
                listener = l;
                connectionManager = chain.connectionManager();
            }
        }
        return connectionManager;
    }

    /** Called by the byte watcher in front of the codec: the first byte of a request's headers arrived. */
    void onBytes() {
        if (current == null && headersTimer == null && connectionManager != null) {
            long timeout = connectionManager.requestHeadersTimeoutMillis();
            if (timeout > 0) {
                headersTimer = ctx.executor().schedule(this::onHeadersTimeout, timeout, TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (current != null && currentRequestDone || !pipelined.isEmpty()) {
            pipelined.add(msg);
            return;
        }
        dispatch(msg);
    }

    private void dispatch(Object msg) {
        if (!(msg instanceof HttpObject http)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (http.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            rejectMalformed(http.decoderResult().cause(), http instanceof HttpRequest);
            return;
        }
        if (current == null) {
            if (msg instanceof HttpRequest request) {
                startExchange(request);
            } else {
                ReferenceCountUtil.release(msg);
            }
            return;
        }
        if (msg instanceof HttpContent content) {
            if (content instanceof LastHttpContent) {
                currentRequestDone = true;
            }
            current.onRequestContent(content);
        } else {
            ReferenceCountUtil.release(msg);
        }
    }

    private void startExchange(HttpRequest request) {
        cancelTimers();
        ConnectionManager cm = connectionManager();
        if (cm == null) {
            ReferenceCountUtil.release(request);
            closing = true;
            ctx.close();
            return;
        }
        version = request.protocolVersion();
        if (!http2 && !countedOpen) {
            // Counted once the connection shows it speaks HTTP/1.1, as Envoy counts when its codec is chosen.
            countedOpen = true;
            services.stats().http(cm.statPrefix()).connectionOpened(false);
        }
        if (!http2 && HttpUtil.is100ContinueExpected(request)) {
            request.headers().remove(HttpHeaderNames.EXPECT);
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
        HttpRequest head = request instanceof FullHttpRequest full
                ? new DefaultHttpRequest(full.protocolVersion(), full.method(), full.uri(), full.headers()) : request;
        current = new ProxyExchange(this, services, runtime, listener, cm, head);
        currentRequestDone = false;
        if (request instanceof FullHttpRequest full) {
            // The head and the body go their own ways: the head is changed and sent upstream by the exchange.
            current.start();
            if (current != null) {
                currentRequestDone = true;
                current.onRequestContent(new DefaultLastHttpContent(full.content(), full.trailingHeaders()));
            } else {
                full.release();
            }
            return;
        }
        current.start();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object evt) {
        if (evt instanceof DrainEvent) {
            draining = true;
            if (current == null && !closing) {
                closing = true;
                context.close();
            }
            return;
        }
        context.fireUserEventTriggered(evt);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        flush();
        if (!closing && (current == null ? pipelined.isEmpty() : current.wantsRequestData())) {
            context.read();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (current != null) {
            current.onDownstreamWritabilityChanged(context.channel().isWritable());
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        closing = true;
        cancelTimers();
        if (current != null) {
            ProxyExchange exchange = current;
            current = null;
            exchange.onDownstreamClosed();
        }
        pipelined.forEach(ReferenceCountUtil::release);
        pipelined.clear();
        countClosed();
        context.fireChannelInactive();
    }

    /** Taken out of a connection that now speaks HTTP/2: its HTTP/1.1 life ends here. */
    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        countClosed();
    }

    private boolean countedOpen;
    private boolean countedClosed;

    private void countClosed() {
        if (countedOpen && !countedClosed) {
            countedClosed = true;
            services.stats().http(connectionManager.statPrefix()).connectionClosed();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (!(cause instanceof IOException)) {
            rejectMalformed(cause, current == null);
            return;
        }
        context.close();
    }

    private void rejectMalformed(Throwable cause, boolean beforeExchange) {
        closing = true;
        if (current != null) {
            ProxyExchange exchange = current;
            current = null;
            exchange.onDownstreamClosed();
        }
        LocalReply reply = isTooLarge(cause) ? LocalReply.HEADERS_TOO_LARGE : LocalReply.BAD_REQUEST;
        if (connectionManager != null) {
            var stats = services.stats().http(connectionManager.statPrefix());
            if (reply == LocalReply.HEADERS_TOO_LARGE) {
                stats.headerOverflow();
            } else {
                stats.protocolError();
            }
        }
        String server = connectionManager == null ? "envoy" : connectionManager.serverName();
        HttpResponse response = reply.toResponse(HttpVersion.HTTP_1_1, ctx.alloc(), server);
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static boolean isTooLarge(Throwable cause) {
        return cause instanceof TooLongFrameException && cause.getMessage() != null
                && cause.getMessage().contains("header");
    }

    private void onHeadersTimeout() {
        headersTimer = null;
        if (current == null && !closing) {
            closing = true;
            ctx.writeAndFlush(LocalReply.HEADERS_TIMEOUT.toResponse(HttpVersion.HTTP_1_1, ctx.alloc(),
                    connectionManager.serverName())).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void armIdle() {
        if (http2 || connectionManager == null) {
            return;
        }
        long timeout = connectionManager.idleTimeoutMillis();
        if (timeout > 0) {
            idleTimer = ctx.executor().schedule(() -> {
                idleTimer = null;
                if (current == null && !closing) {
                    closing = true;
                    ctx.close();
                }
            }, timeout, TimeUnit.MILLISECONDS);
        }
    }

    private void cancelTimers() {
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
        if (headersTimer != null) {
            headersTimer.cancel(false);
            headersTimer = null;
        }
    }

    // ---- Downstream ------------------------------------------------------------------------------------------

    @Override
    public EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    @Override
    public ByteBufAllocator alloc() {
        return ctx.alloc();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        var address = http2 ? ctx.channel().parent().remoteAddress() : ctx.channel().remoteAddress();
        return address instanceof InetSocketAddress inet ? inet : null;
    }

    @Override
    public boolean tls() {
        return tls != null;
    }

    @Override
    public TlsSession tlsSession() {
        return tls;
    }

    @Override
    public String protocol() {
        return http2 ? "HTTP/2" : version.text();
    }

    @Override
    public boolean http1() {
        return !http2;
    }

    @Override
    public boolean bodyless(HttpRequest request) {
        if (request instanceof FullHttpRequest full) {
            return !full.content().isReadable();
        }
        if (http2) {
            return false;
        }
        return !HttpUtil.isTransferEncodingChunked(request) && !request.headers().contains(HttpHeaderNames.CONTENT_LENGTH);
    }

    @Override
    public boolean writable() {
        return ctx.channel().isWritable();
    }

    @Override
    public void writeHead(HttpResponse head, boolean close) {
        if (!http2) {
            close |= draining;
            if (version.equals(HttpVersion.HTTP_1_0)) {
                head.setProtocolVersion(HttpVersion.HTTP_1_0);
                if (HttpUtil.isTransferEncodingChunked(head)) {
                    // HTTP/1.0 has no chunked coding: the body ends where the connection does.
                    HttpUtil.setTransferEncodingChunked(head, false);
                    close = true;
                }
                if (!close) {
                    head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                }
            }
            if (close) {
                head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                closeAfterResponse = true;
            }
        }
        ctx.write(head, ctx.voidPromise());
        if (head instanceof LastHttpContent) {
            ctx.flush();
        }
    }

    private boolean closeAfterResponse;

    @Override
    public void writeBody(HttpContent content, boolean last) {
        if (last) {
            ctx.writeAndFlush(content, ctx.voidPromise());
        } else {
            ctx.write(content, ctx.voidPromise());
        }
    }

    @Override
    public void flush() {
        ctx.flush();
    }

    @Override
    public void readMore() {
        if (current != null && !closing && current.wantsRequestData()) {
            ctx.read();
        }
    }

    @Override
    public void exchangeDone(ProxyExchange exchange, boolean close) {
        if (exchange != current) {
            return;
        }
        current = null;
        currentRequestDone = false;
        if (http2) {
            return;
        }
        if (close || closeAfterResponse) {
            closing = true;
            ctx.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            pipelined.forEach(ReferenceCountUtil::release);
            pipelined.clear();
            return;
        }
        while (current == null && !pipelined.isEmpty() && !closing) {
            dispatch(pipelined.poll());
            if (current != null && !currentRequestDone) {
                // Feed the rest of this request's pipelined body, stopping at the next request.
                while (!pipelined.isEmpty() && !(pipelined.peek() instanceof HttpRequest) && current != null) {
                    dispatch(pipelined.poll());
                }
            }
        }
        if (current == null && !closing) {
            armIdle();
            ctx.read();
        } else if (current != null && current.wantsRequestData()) {
            ctx.read();
        }
    }

    @Override
    public void switchProtocols(HttpResponse switching, Channel upstream) {
        current = null;
        closing = true;
        pipelined.forEach(ReferenceCountUtil::release);
        pipelined.clear();
        cancelTimers();
        upstream.config().setAutoRead(false);
        ctx.writeAndFlush(switching).addListener(f -> {
            if (!f.isSuccess()) {
                ctx.close();
                upstream.close();
                return;
            }
            ChannelPipeline client = ctx.pipeline();
            for (String name : List.copyOf(client.names())) {
                ChannelHandler h = client.get(name);
                if (h instanceof HttpServerCodec || h instanceof HttpServerUpgradeHandler
                        || h instanceof HeaderBytesWatcher) {
                    client.remove(h);
                }
            }
            ChannelPipeline server = upstream.pipeline();
            server.remove(UpstreamHandlerName.HTTP_CLIENT);
            server.remove(UpstreamHandlerName.UPSTREAM);
            client.remove(this);
            TunnelRelay.join(ctx.channel(), upstream);
        });
    }

    @Override
    public void abort() {
        closing = true;
        current = null;
        ctx.close();
    }
}
