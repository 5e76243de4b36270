package io.gwctl.proxy.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/**
 * A response the gateway makes itself, with Envoy's status, body and response flag: the local replies of
 * envoyproxy/envoy {@code source/common/router/router.cc} and {@code source/common/http/conn_manager_impl.cc}.
 *
 * @param status the status code
 * @param body   the text/plain body, empty for none
 * @param flag   Envoy's response flag for the access log ({@code NR}, {@code UF}, {@code UT}…), or empty
 */
record LocalReply(int status, String body, String flag) {

    /** No virtual host or route matches (Envoy: 404, empty body, {@code NR}). */
    static final LocalReply NO_ROUTE = new LocalReply(404, "", "NR");
    /** The route's cluster is not in the config ({@code NC}); Envoy answers 503 with no body. */
    static final LocalReply NO_CLUSTER = new LocalReply(503, "", "NC");
    /** The cluster has no endpoint ({@code UH}). */
    static final LocalReply NO_HEALTHY_UPSTREAM = new LocalReply(503, "no healthy upstream", "UH");
    /** The connection to the upstream failed ({@code UF}). */
    static final LocalReply CONNECT_FAILURE = new LocalReply(503,
            "upstream connect error or disconnect/reset before headers. reset reason: connection failure", "UF");
    /** The upstream closed before its response headers ({@code UC}). */
    static final LocalReply UPSTREAM_RESET = new LocalReply(503,
            "upstream connect error or disconnect/reset before headers. reset reason: connection termination",
            "UC");
    /** The route's timeout fired before the response ({@code UT}). */
    static final LocalReply TIMEOUT = new LocalReply(504, "upstream request timeout", "UT");
    /** A circuit breaker is open ({@code UO}). */
    static final LocalReply OVERFLOW = new LocalReply(503,
            "upstream connect error or disconnect/reset before headers. reset reason: overflow", "UO");
    /** The request's headers are larger than the connection manager allows. */
    static final LocalReply HEADERS_TOO_LARGE = new LocalReply(431, "Request Header Fields Too Large", "");
    /** The request could not be parsed (framing, chunk syntax). */
    static final LocalReply BAD_REQUEST = new LocalReply(400, "Bad Request", "");
    /** The request's headers did not arrive within {@code request_headers_timeout}. */
    static final LocalReply HEADERS_TIMEOUT = new LocalReply(408, "request header timeout", "");

    /** The fault filter's abort ({@code FI}). */
    static LocalReply faultAbort(int status) {
        return new LocalReply(status, "fault filter abort", "FI");
    }

    FullHttpResponse toResponse(HttpVersion version, ByteBufAllocator alloc, String server) {
        ByteBuf content = body.isEmpty() ? Unpooled.EMPTY_BUFFER : alloc.buffer(body.length());
        if (!body.isEmpty()) {
            content.writeCharSequence(body, StandardCharsets.UTF_8);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(status), content);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        if (!body.isEmpty()) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
        }
        response.headers().set(HttpHeaderNames.DATE, HttpDates.now());
        response.headers().set(HttpHeaderNames.SERVER, server);
        return response;
    }
}
