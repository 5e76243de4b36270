package io.gwctl.proxy.http;

import io.gwctl.translate.envoy.match.HttpRequestView;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import java.util.List;

/**
 * A Netty request as the shared route matchers read it; {@code host} is the one the connection manager routes
 * on (its port possibly stripped).
 */
final class RequestView implements HttpRequestView {

    private final HttpRequest request;
    private final boolean tls;
    private final String host;

    RequestView(HttpRequest request, boolean tls, String host) {
        this.request = request;
        this.tls = tls;
        this.host = host;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public String path() {
        return request.uri();
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public boolean tls() {
        return tls;
    }

    @Override
    public List<String> header(String lowerCaseName) {
        return switch (lowerCaseName) {
            case ":authority", "host" -> host == null ? List.of() : List.of(host);
            case ":path" -> List.of(request.uri());
            case ":method" -> List.of(request.method().name());
            case ":scheme" -> List.of(tls ? "https" : "http");
            default -> request.headers().getAll(lowerCaseName);
        };
    }

    /** The Host header as received. */
    static String receivedHost(HttpRequest request) {
        return request.headers().get(HttpHeaderNames.HOST);
    }
}
