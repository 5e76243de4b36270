package io.gwctl.proxy.sample;

import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http.HttpUtil;

/**
 * Takes up an HTTP/1.1 {@code Upgrade} offer only from a request without a body. Netty gathers an upgrade
 * request whole before switching protocols (it is replayed as HTTP/2 stream 1, RFC 7540 section 3.2), which
 * would hold a large upload in memory; a server may simply ignore {@code Upgrade} (RFC 9110 section 7.8), so a
 * request with a body is served as the HTTP/1.1 request it is, streamed like any other, and a client wanting
 * HTTP/2 can upgrade with a later, bodiless request. (The JDK client offers {@code h2c} on its first request
 * whatever its body.)
 *
 * <p>A bodiless WebSocket upgrade is gathered too, though no codec here takes it: it reaches
 * {@link SampleRequestHandler} as one full request, which is what the WebSocket handshake wants.
 */
final class BodilessUpgradeHandler extends HttpServerUpgradeHandler {

    BodilessUpgradeHandler(HttpServerCodec http1Codec, UpgradeCodecFactory upgradeCodecs) {
        super(http1Codec, upgradeCodecs, 0);
    }

    @Override
    protected boolean shouldHandleUpgradeRequest(HttpRequest request) {
        return HttpUtil.getContentLength(request, 0L) == 0 && !HttpUtil.isTransferEncodingChunked(request);
    }
}
