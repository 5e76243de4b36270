package io.gwctl.proxy.sample;

import static java.util.Objects.requireNonNull;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.util.AsciiString;

/**
 * Builds the pipeline of one accepted connection. Every connection starts undecided between HTTP/1.x and
 * cleartext HTTP/2, and {@link CleartextHttp2ServerUpgradeHandler} settles it from the first bytes:
 * <ul>
 *   <li>the HTTP/2 connection preface (prior knowledge, RFC 9113 section 3.3): HTTP/2 frame handling;</li>
 *   <li>anything else: HTTP/1.x, where a bodiless request with {@code Upgrade: h2c} may still switch the
 *       connection to HTTP/2 (RFC 7540 section 3.2) and becomes stream 1 ({@link BodilessUpgradeHandler});</li>
 * </ul>
 * Each HTTP/2 stream gets a child channel whose frames {@link Http2StreamFrameToHttpObjectCodec} turns into
 * HTTP/1-style objects, so one {@link SampleRequestHandler} serves both protocols. The HTTP/1.x handlers are put
 * in place by the first request that turns out to be plain HTTP/1.x.
 */
final class SampleBackendInitializer extends ChannelInitializer<Channel> {

    static final String H2C_DETECTOR = "h2c-detector";
    static final String HTTP1_INSTALLER = "http1-installer";
    static final String BACKEND_HEADERS = "backend-headers";
    static final String KEEP_ALIVE = "keep-alive";
    static final String EXPECT_CONTINUE = "expect-continue";
    static final String FLOW_CONTROL = "flow-control";
    static final String REQUEST_HANDLER = "request-handler";
    static final String HTTP2_TO_HTTP = "http2-to-http";

    private final BackendState backend;
    private final ChannelGroup channels;
    private final BackendHeaders backendHeaders;
    private final ChannelInitializer<Channel> streamInitializer = new Http2StreamInitializer();

    SampleBackendInitializer(BackendState backend, ChannelGroup channels) {
        this.backend = requireNonNull(backend, "backend");
        this.channels = requireNonNull(channels, "channels");
        this.backendHeaders = new BackendHeaders(backend.name());
    }

    @Override
    protected void initChannel(Channel channel) {
        channels.add(channel);
        HttpServerCodec http1Codec = new HttpServerCodec();
        HttpServerUpgradeHandler h2cUpgrade = new BodilessUpgradeHandler(http1Codec, this::upgradeCodec);
        channel.pipeline()
                .addLast(H2C_DETECTOR, new CleartextHttp2ServerUpgradeHandler(http1Codec, h2cUpgrade,
                        new PriorKnowledgeInitializer()))
                .addLast(HTTP1_INSTALLER, new Http1Installer());
    }

    private HttpServerUpgradeHandler.UpgradeCodec upgradeCodec(CharSequence protocol) {
        if (!AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)) {
            return null;
        }
        return new Http2ServerUpgradeCodec(Http2FrameCodecBuilder.forServer().build(),
                new Http2MultiplexHandler(streamInitializer));
    }

    private void addHttp1Handlers(ChannelPipeline pipeline, String after) {
        pipeline.addAfter(after, BACKEND_HEADERS, backendHeaders)
                .addAfter(BACKEND_HEADERS, KEEP_ALIVE, new HttpServerKeepAliveHandler())
                .addAfter(KEEP_ALIVE, EXPECT_CONTINUE, new HttpServerExpectContinueHandler())
                .addAfter(EXPECT_CONTINUE, FLOW_CONTROL, new FlowControlHandler())
                .addAfter(FLOW_CONTROL, REQUEST_HANDLER, new SampleRequestHandler(backend));
    }

    /** Installs the HTTP/2 handlers once the connection preface arrived. */
    private final class PriorKnowledgeInitializer extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel channel) {
            channel.pipeline().addLast(Http2FrameCodecBuilder.forServer().build(),
                    new Http2MultiplexHandler(streamInitializer));
        }
    }

    /** The pipeline of one HTTP/2 stream. */
    private final class Http2StreamInitializer extends ChannelInitializer<Channel> {
        @Override
        protected void initChannel(Channel stream) {
            stream.pipeline()
                    .addLast(HTTP2_TO_HTTP, new Http2StreamFrameToHttpObjectCodec(true))
                    .addLast(BACKEND_HEADERS, backendHeaders)
                    .addLast(FLOW_CONTROL, new FlowControlHandler())
                    .addLast(REQUEST_HANDLER, new SampleRequestHandler(backend));
        }
    }

    /**
     * Waits for the first plain HTTP/1.x request, then puts the HTTP/1.x handlers in its place. On a connection
     * that became HTTP/2 it stays last in the pipeline, seeing only connection-level frames (passed on to be
     * released) and connection errors (the connection is closed).
     */
    private final class Http1Installer extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
                addHttp1Handlers(ctx.pipeline(), ctx.name());
                ctx.pipeline().remove(this);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
