package io.gwctl.validate.rules.protocol;

import java.util.Locale;

/**
 * A port protocol as Istio reads it ({@code protocol.Parse}, pkg/config/protocol/instance.go): case does not
 * matter, and anything else is unsupported. The families decide which hosts a port can tell apart
 * (Host header, SNI, or nothing), which Gateway and ServiceEntry checks both need.
 */
public enum Protocol {
    TCP, UDP, GRPC, GRPC_WEB, HTTP, HTTP_PROXY, HTTP2, HTTPS, TLS, MONGO, REDIS, MYSQL, UNSUPPORTED;

    public static Protocol parse(String name) {
        return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
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

    /** Carried over HTTP: the Host header tells hosts apart. */
    public boolean isHttp() {
        return this == HTTP || this == HTTP2 || this == HTTP_PROXY || this == GRPC || this == GRPC_WEB;
    }

    /** Carried over TLS: SNI tells hosts apart. */
    public boolean isTls() {
        return this == HTTPS || this == TLS;
    }

    /** Carried over plain TCP connections (TLS included). */
    public boolean isTcp() {
        return this == TCP || this == HTTPS || this == TLS || this == MONGO || this == REDIS || this == MYSQL;
    }
}
