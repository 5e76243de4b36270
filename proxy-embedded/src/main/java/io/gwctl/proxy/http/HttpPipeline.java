package io.gwctl.proxy.http;

import io.gwctl.proxy.runtime.ConnectionManager;
import io.gwctl.proxy.stats.HttpStats;
import io.gwctl.proxy.tls.TlsSession;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
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
import java.util.Objects;

/**
 * The HTTP pipeline of a connection whose filter chain runs an HTTP connection manager, installed once the
 * chain is chosen (and, over TLS, once the handshake is done). Plaintext and TLS without ALPN {@code h2}:
 * HTTP/1.1, or HTTP/2 by prior knowledge or by {@code Upgrade: h2c}; TLS with ALPN {@code h2}: HTTP/2 (as Envoy's
 * {@code codec_type: AUTO} picks by ALPN, envoyproxy/envoy {@code source/common/http/conn_manager_utility.cc}).
 * Each HTTP/2 stream becomes a child channel that speaks the same Netty HTTP objects as an HTTP/1.1
 * connection, so one {@link DownstreamHandler} serves both. The limits come from the connection manager in the
 * config: {@code max_request_headers_kb} and the HTTP/2 settings.
 */
public final class HttpPipeline {

    static final String CODEC = "http-codec";
    static final String DOWNSTREAM = "gwctl-downstream";

    private final GatewayServices services;
    private final int listenerPort;
    private final ConnectionManager cm;
    private final TlsSession tls;

    /**
     * @param listenerPort the listener's port in the config (not the local port it is bound to)
     * @param cm           the connection manager of the connection's filter chain
     * @param tls          the connection's TLS session, or null for plaintext
     */
    public HttpPipeline(GatewayServices services, int listenerPort, ConnectionManager cm, TlsSession tls) {
        this.services = Objects.requireNonNull(services, "services");
        this.listenerPort = listenerPort;
        this.cm = Objects.requireNonNull(cm, "cm");
        this.tls = tls;
    }

    /** Serves {@code ch} with HTTP/1.1, switching to HTTP/2 on the connection preface or an h2c upgrade. */
    public void installHttp1(Channel ch) {
        ch.config().setAutoRead(false);
        ChannelPipeline p = ch.pipeline();
        DownstreamHandler downstream = new DownstreamHandler(services, listenerPort, tls);
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

    /** Serves {@code ch} with HTTP/2 from its first byte (ALPN chose {@code h2}). */
    public void installHttp2(Channel ch) {
        HttpStats stats = services.stats().http(cm.statPrefix());
        stats.connectionOpened(true);
        ch.closeFuture().addListener(f -> stats.connectionClosed());
        ch.pipeline().addLast("h2-frames", frameCodec(cm));
        ch.pipeline().addLast("h2-multiplex", multiplex(cm));
        ch.config().setAutoRead(true);
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
                stream.pipeline().addLast(DOWNSTREAM, new DownstreamHandler(services, listenerPort, tls));
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
