package io.gwctl.proxy.sample;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.AsciiString;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * One request being answered: its head, where it came from, and the channel its response goes to (the
 * connection for HTTP/1.x, the stream's child channel for HTTP/2).
 *
 * <p>Responses are written through {@link Channel#write}, from the tail of the pipeline, so
 * {@link SampleRequestHandler} sees each response end and can read the next pipelined request only then.
 */
final class Exchange {

    private static final AsciiString X_FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    private static final AsciiString X_FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    private static final String TEXT_PLAIN = "text/plain; charset=utf-8";

    private final Channel channel;
    private final HttpRequest request;
    private final RequestTarget target;
    private final BackendState backend;

    Exchange(Channel channel, HttpRequest request, RequestTarget target, BackendState backend) {
        this.channel = requireNonNull(channel, "channel");
        this.request = requireNonNull(request, "request");
        this.target = requireNonNull(target, "target");
        this.backend = requireNonNull(backend, "backend");
    }

    Channel channel() {
        return channel;
    }

    HttpRequest request() {
        return request;
    }

    RequestTarget target() {
        return target;
    }

    BackendState backend() {
        return backend;
    }

    boolean isHttp2() {
        return channel instanceof Http2StreamChannel;
    }

    boolean isHead() {
        return HttpMethod.HEAD.equals(request.method());
    }

    /**
     * The client address as httpbin reports it: the {@code x-forwarded-for} a proxy added when present, else the
     * peer's IP (postmanlabs/httpbin httpbin/helpers.py {@code get_dict}).
     */
    String origin() {
        String forwarded = request.headers().get(X_FORWARDED_FOR);
        if (forwarded != null) {
            return forwarded;
        }
        SocketAddress peer = channel.remoteAddress();
        return peer instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(peer);
    }

    /** The URL the client asked for, with the scheme a proxy reported in {@code x-forwarded-proto} if any. */
    String url() {
        String scheme = request.headers().get(X_FORWARDED_PROTO, "http");
        String host = request.headers().get(HttpHeaderNames.HOST, "");
        String uri = request.uri();
        return uri.startsWith("/") ? scheme + "://" + host + uri : uri;
    }

    /**
     * A response head in the request's HTTP version. An HTTP/1.0 client that asked for keep-alive gets
     * {@code Connection: keep-alive} back, the only way it knows the connection stays open (RFC 9112 appendix C.2.2).
     */
    HttpResponse newHead(HttpResponseStatus status) {
        return withKeepAlive(new DefaultHttpResponse(responseVersion(), status));
    }

    /** Marks a streamed response of unknown length as chunked, where the client's HTTP version has chunking. */
    void setUnknownLength(HttpResponse head) {
        if (!head.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            HttpUtil.setTransferEncodingChunked(head, true);
        }
    }

    /** Answers with {@code json} pretty-printed, as httpbin does. */
    void respondJson(HttpResponseStatus status, JsonNode json) {
        respond(status, HttpHeaderValues.APPLICATION_JSON, Unpooled.wrappedBuffer(HttpbinJson.pretty(json)));
    }

    void respondText(HttpResponseStatus status, String text) {
        respond(status, TEXT_PLAIN, ByteBufUtil.writeUtf8(channel.alloc(), text + "\n"));
    }

    /** Answers with {@code status} and an empty body, for {@code /status/N}. */
    void respondEmpty(HttpResponseStatus status) {
        channel.writeAndFlush(newResponse(status, null, Unpooled.EMPTY_BUFFER));
    }

    /** Answers with {@code body}, which this exchange now owns. */
    void respond(HttpResponseStatus status, CharSequence contentType, ByteBuf body) {
        channel.writeAndFlush(newResponse(status, contentType, body));
    }

    /**
     * A complete response carrying {@code body} (which it now owns), or only announcing its length for HEAD.
     * Statuses that never carry content (1xx, 204) get neither body nor {@code Content-Length} (RFC 9110
     * section 8.6).
     *
     * @param contentType the media type of {@code body}, or null for none
     */
    FullHttpResponse newResponse(HttpResponseStatus status, CharSequence contentType, ByteBuf body) {
        boolean bodiless = status.codeClass() == HttpStatusClass.INFORMATIONAL
                || status.code() == HttpResponseStatus.NO_CONTENT.code();
        int length = body.readableBytes();
        ByteBuf content = body;
        if (bodiless || isHead()) {
            body.release();
            content = Unpooled.EMPTY_BUFFER;
        }
        FullHttpResponse response = withKeepAlive(new DefaultFullHttpResponse(responseVersion(), status, content));
        if (!bodiless) {
            HttpUtil.setContentLength(response, length);
            if (contentType != null) {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
            }
        }
        return response;
    }

    private HttpVersion responseVersion() {
        return request.protocolVersion().equals(HttpVersion.HTTP_1_0) ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
    }

    private <R extends HttpResponse> R withKeepAlive(R response) {
        if (response.protocolVersion().equals(HttpVersion.HTTP_1_0) && HttpUtil.isKeepAlive(request)) {
            HttpUtil.setKeepAlive(response, true);
        }
        return response;
    }
}
