package io.gwctl.proxy.runtime;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.gwctl.translate.envoy.match.RouteTable;
import java.util.Objects;

/**
 * An HTTP connection manager as the data plane runs it: its route table and the limits and timeouts it sets,
 * each falling back to Envoy's default when the config leaves it unset (envoyproxy/envoy
 * {@code api/envoy/extensions/filters/network/http_connection_manager/v3/http_connection_manager.proto} and
 * {@code api/envoy/config/core/v3/protocol.proto}).
 */
public final class ConnectionManager {

    private static final String FAULT = "envoy.filters.http.fault";
    private static final String CORS = "envoy.filters.http.cors";

    private final HttpConnectionManager proto;
    private final RouteTable routes;
    private final String routeConfigName;
    private final boolean faultFilter;
    private final boolean corsFilter;

    /**
     * @param proto  the connection manager
     * @param routes its route table, or null when its RDS route configuration is not in the snapshot (every
     *               request is then answered 404, as Envoy answers before RDS arrives)
     */
    public ConnectionManager(HttpConnectionManager proto, RouteTable routes) {
        this.proto = Objects.requireNonNull(proto, "proto");
        this.routes = routes;
        this.routeConfigName = proto.hasRouteConfig() ? proto.getRouteConfig().getName()
                : proto.getRds().getRouteConfigName();
        this.faultFilter = proto.getHttpFiltersList().stream().anyMatch(f -> f.getName().equals(FAULT));
        this.corsFilter = proto.getHttpFiltersList().stream().anyMatch(f -> f.getName().equals(CORS));
    }

    /**
     * Whether the fault filter runs: a route's fault settings act only through it, as Envoy ignores per-route
     * config of a filter the connection manager does not have.
     */
    public boolean faultFilter() {
        return faultFilter;
    }

    /** Whether the CORS filter runs (see {@link #faultFilter()}). */
    public boolean corsFilter() {
        return corsFilter;
    }

    public HttpConnectionManager proto() {
        return proto;
    }

    /** The route table, or null when the route configuration is missing. */
    public RouteTable routes() {
        return routes;
    }

    public String routeConfigName() {
        return routeConfigName;
    }

    public String statPrefix() {
        return proto.getStatPrefix();
    }

    /** The most bytes of request headers; Envoy's default is 60 KiB. */
    public int maxRequestHeadersBytes() {
        return (proto.hasMaxRequestHeadersKb() ? proto.getMaxRequestHeadersKb().getValue() : 60) * 1024;
    }

    /** How long a connection may take to send a request's headers; 0 is no limit (Envoy's default). */
    public long requestHeadersTimeoutMillis() {
        return millis(proto.hasRequestHeadersTimeout() ? proto.getRequestHeadersTimeout() : null, 0);
    }

    /** How long a connection may stay without a request in flight; Envoy's default is one hour. */
    public long idleTimeoutMillis() {
        var common = proto.getCommonHttpProtocolOptions();
        return millis(common.hasIdleTimeout() ? common.getIdleTimeout() : null, 3_600_000);
    }

    /** How long a request may go without activity; Envoy's default is five minutes. */
    public long streamIdleTimeoutMillis() {
        return millis(proto.hasStreamIdleTimeout() ? proto.getStreamIdleTimeout() : null, 300_000);
    }

    /** The HTTP/2 streams one connection may have open; Envoy's default is 2^31-1. */
    public long maxConcurrentStreams() {
        var h2 = proto.getHttp2ProtocolOptions();
        return h2.hasMaxConcurrentStreams() ? h2.getMaxConcurrentStreams().getValue() : Integer.MAX_VALUE;
    }

    public boolean useRemoteAddress() {
        return proto.hasUseRemoteAddress() && proto.getUseRemoteAddress().getValue();
    }

    /** The {@code server} header Envoy writes on responses; {@code envoy} unless configured. */
    public String serverName() {
        return proto.getServerName().isEmpty() ? "envoy" : proto.getServerName();
    }

    public boolean generateRequestId() {
        return !proto.hasGenerateRequestId() || proto.getGenerateRequestId().getValue();
    }

    public boolean preserveExternalRequestId() {
        return proto.getPreserveExternalRequestId();
    }

    /** Whether {@code Upgrade: websocket} requests are proxied as WebSockets. */
    public boolean websocket() {
        return proto.getUpgradeConfigsList().stream().anyMatch(u -> u.getUpgradeType().equalsIgnoreCase("websocket")
                && (!u.hasEnabled() || u.getEnabled().getValue()));
    }

    private static long millis(Duration d, long fallback) {
        return d == null ? fallback : d.getSeconds() * 1000 + d.getNanos() / 1_000_000;
    }
}
