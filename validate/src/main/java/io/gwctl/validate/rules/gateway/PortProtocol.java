package io.gwctl.validate.rules.gateway;

import java.util.Locale;

/**
 * A server port's protocol as Istio reads it ({@code protocol.Parse} in pkg/config/protocol/instance.go):
 * case-insensitive, so {@code http}, {@code Http} and {@code HTTP} are the same; anything else is
 * {@link #UNSUPPORTED}.
 */
enum PortProtocol {
    TCP, UDP, GRPC, GRPC_WEB, HTTP, HTTP_PROXY, HTTP2, HTTPS, TLS, MONGO, REDIS, MYSQL, UNSUPPORTED;

    /** The protocol {@code value} names; {@link #UNSUPPORTED} for null, empty or unknown. */
    static PortProtocol parse(String value) {
        if (value == null) {
            return UNSUPPORTED;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "tcp" -> TCP;
            case "udp" -> UDP;
            case "grpc" -> GRPC;
            case "grpc-web" -> GRPC_WEB;
            case "http" -> HTTP;
            case "http_proxy" -> HTTP_PROXY;
            case "http2" -> HTTP2;
            case "https" -> HTTPS;
            case "tls" -> TLS;
            case "mongo" -> MONGO;
            case "redis" -> REDIS;
            case "mysql" -> MYSQL;
            default -> UNSUPPORTED;
        };
    }

    /** Whether HTTP is the transport: HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-WEB ({@code IsHTTP}). */
    boolean isHttp() {
        return this == HTTP || this == HTTP2 || this == HTTP_PROXY || this == GRPC || this == GRPC_WEB;
    }

    /** Whether it runs on top of TLS: HTTPS, TLS ({@code IsTLS}). */
    boolean isTls() {
        return this == HTTPS || this == TLS;
    }
}
