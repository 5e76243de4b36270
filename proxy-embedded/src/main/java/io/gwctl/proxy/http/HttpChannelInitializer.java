package io.gwctl.proxy.http;

import io.gwctl.proxy.runtime.ConnectionManager;
import io.gwctl.proxy.runtime.ListenerRuntime;
import io.gwctl.proxy.stats.HttpStats;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.util.AsciiString;

/**
 * The pipeline of a plaintext connection to an HTTP listener: HTTP/1.1, or HTTP/2 cleartext by prior
 * knowledge or by {@code Upgrade: h2c}, each HTTP/2 stream becoming a child channel that speaks the same
 * Netty HTTP objects as an HTTP/1.1 connection, so one {@link DownstreamHandler} serves both. The limits come
 * from the connection manager in the config: {@code max_request_headers_kb} and the HTTP/2 settings.
 */
public final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final String CODEC = "http-codec";
    static final String DOWNSTREAM = "gwctl-downstream";

    private final GatewayServices services;
    private final int listenerPort;

    /**
     * @param listenerPort the listener's port in the config (not the local port it is bound to)
     */
    public HttpChannelInitializer(GatewayServices services, int listenerPort) {
        this.services = services;
        this.listenerPort = listenerPort;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ListenerRuntime listener = services.runtime().listener(listenerPort);
        ConnectionManager cm = listener == null ? null : listener.plaintext();
        if (cm == null) {
            // No filter chain takes plaintext connections on this listener: Envoy closes them.
            ch.close();
            return;
        }
        ch.config().setAutoRead(false);
        ChannelPipeline p = ch.pipeline();
        DownstreamHandler downstream = new DownstreamHandler(services, listenerPort, false);
        HttpServerCodec codec = new HttpServerCodec(new HttpDecoderConfig()
                .setMaxHeaderSize(cm.maxRequestHeadersBytes())
                .setMaxInitialLineLength(cm.maxRequestHeadersBytes())
                .setMaxChunkSize(64 * 1024)
                .setUseRfc9112TransferEncoding(true));
        HttpServerUpgradeHandler upgrade = new HttpServerUpgradeHandler(codec, protocol ->
                AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                        ? new Http2ServerUpgradeCodec(frameCodec(cm), multiplex(cm)) : null,
                cm.maxRequestHeadersBytes());
        p.addLast("header-bytes", new HeaderBytesWatcher(downstream));
        p.addLast("h2c", new CleartextHttp2ServerUpgradeHandler(codec, upgrade,
                new ChannelInitializerForPriorKnowledge(cm)));
        p.addLast(DOWNSTREAM, downstream);
        p.addLast("h2-switch", new Http2Switch(services.stats().http(cm.statPrefix())));
    }

    private Http2FrameCodec frameCodec(ConnectionManager cm) {
        Http2Settings settings = Http2Settings.defaultSettings()
                .maxConcurrentStreams(cm.maxConcurrentStreams())
                .maxHeaderListSize(cm.maxRequestHeadersBytes());
        var h2 = cm.proto().getHttp2ProtocolOptions();
        if (h2.hasInitialStreamWindowSize()) {
            settings.initialWindowSize(h2.getInitialStreamWindowSize().getValue());
        }
        return Http2FrameCodecBuilder.forServer().initialSettings(settings).build();
    }

    private Http2MultiplexHandler multiplex(ConnectionManager cm) {
        return new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.config().setAutoRead(false);
                stream.pipeline().addLast("h2-to-http", new Http2StreamFrameToHttpObjectCodec(true));
                stream.pipeline().addLast(DOWNSTREAM, new DownstreamHandler(services, listenerPort, false));
            }
        });
    }

    /** What a connection that starts with the HTTP/2 preface gets instead of the HTTP/1.1 codec. */
    private final class ChannelInitializerForPriorKnowledge extends ChannelInitializer<Channel> {
        private final ConnectionManager cm;

        ChannelInitializerForPriorKnowledge(ConnectionManager cm) {
            this.cm = cm;
        }

        @Override
        protected void initChannel(Channel ch) {
            ch.pipeline().addAfter(ch.pipeline().context(this).name(), "h2-frames", frameCodec(cm));
            ch.pipeline().addAfter("h2-frames", "h2-multiplex", multiplex(cm));
        }
    }

    /**
     * Once the connection speaks HTTP/2, its streams carry the requests: the HTTP/1.1 handler leaves, and the
     * connection is read continuously, as HTTP/2 flow control is per stream.
     */
    private static final class Http2Switch extends ChannelInboundHandlerAdapter {
        private final HttpStats stats;

        Http2Switch(HttpStats stats) {
            this.stats = stats;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof HttpServerUpgradeHandler.UpgradeEvent
                    || evt instanceof CleartextHttp2ServerUpgradeHandler.PriorKnowledgeUpgradeEvent) {
                stats.connectionOpened(true);
                ctx.channel().closeFuture().addListener(f -> stats.connectionClosed());
                ChannelPipeline p = ctx.pipeline();
                if (p.get(DOWNSTREAM) != null) {
                    p.remove(DOWNSTREAM);
                }
                if (p.get("header-bytes") != null) {
                    p.remove("header-bytes");
                }
                ctx.channel().config().setAutoRead(true);
                p.remove(this);
            }
            ctx.fireUserEventTriggered(evt);
        }
    }
}
