package io.gwctl.translate.envoy.gateway;

import com.google.protobuf.Any;
import com.google.protobuf.BoolValue;
import com.google.protobuf.Duration;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.core.v3.AggregatedConfigSource;
import io.envoyproxy.envoy.config.core.v3.ApiVersion;
import io.envoyproxy.envoy.config.core.v3.ConfigSource;
import io.envoyproxy.envoy.config.core.v3.Http1ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.fault.v3.HTTPFault;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.Rds;

/**
 * The settings of a gateway's downstream connections: the HTTP connection manager of every HTTP filter chain,
 * and the limits of gateway listeners and their chains. Every timeout and size limit Envoy would apply by
 * default is written out (HTTP/2 flood protection counters aside), so that whatever runs this config (Envoy, or
 * the embedded gateway, which reads these fields) needs no knowledge of Envoy's built-in defaults. Proto3
 * scalars at their zero value (AUTO, OVERWRITE, ALLOW, false, 0) are set but, as proto3 has it, not printed in
 * JSON.
 *
 * <p>Where each value comes from:
 *
 * <table>
 *   <caption>Gateway connection settings and their source</caption>
 *   <tr><th>field</th><th>value</th><th>source</th></tr>
 *   <tr><td>{@code codec_type}</td><td>AUTO</td>
 *       <td>Istio</td></tr>
 *   <tr><td>{@code use_remote_address}</td><td>true</td>
 *       <td>Istio (every gateway HTTP chain)</td></tr>
 *   <tr><td>{@code xff_num_trusted_hops}</td><td>0</td>
 *       <td>Istio (no {@code gatewayTopology.numTrustedProxies})</td></tr>
 *   <tr><td>{@code forward_client_cert_details}</td><td>SANITIZE_SET</td>
 *       <td>Istio (gateway default)</td></tr>
 *   <tr><td>{@code set_current_client_cert_details}</td><td>subject, cert, dns, uri</td>
 *       <td>Istio (with SANITIZE_SET)</td></tr>
 *   <tr><td>{@code server_name}</td><td>istio-envoy</td>
 *       <td>Istio (proxy headers default)</td></tr>
 *   <tr><td>{@code server_header_transformation}</td><td>OVERWRITE</td>
 *       <td>Istio</td></tr>
 *   <tr><td>{@code normalize_path}</td><td>true</td>
 *       <td>Istio (MeshConfig {@code pathNormalization} DEFAULT)</td></tr>
 *   <tr><td>{@code merge_slashes}</td><td>false</td>
 *       <td>Istio (DEFAULT normalization merges none)</td></tr>
 *   <tr><td>{@code path_with_escaped_slashes_action}</td><td>KEEP_UNCHANGED</td>
 *       <td>Istio</td></tr>
 *   <tr><td>{@code upgrade_configs}</td><td>websocket</td>
 *       <td>Istio</td></tr>
 *   <tr><td>{@code stream_idle_timeout}</td><td>0s (off)</td>
 *       <td>Istio</td></tr>
 *   <tr><td>{@code http_protocol_options.accept_http_10}</td><td>false</td>
 *       <td>Istio (no {@code PILOT_HTTP10})</td></tr>
 *   <tr><td>{@code proxy_100_continue}</td><td>true</td>
 *       <td>Istio ({@code ENABLE_100_CONTINUE_HEADERS})</td></tr>
 *   <tr><td>RDS {@code initial_fetch_timeout}</td><td>0s</td>
 *       <td>Istio</td></tr>
 *   <tr><td>{@code access_log}</td><td>none</td>
 *       <td>Istio (no MeshConfig {@code accessLogFile})</td></tr>
 *   <tr><td>chain {@code transport_socket_connect_timeout}</td><td>15s</td>
 *       <td>Istio ({@code PILOT_GATEWAY_TRANSPORT_SOCKET_CONNECT_TIMEOUT})</td></tr>
 *   <tr><td>{@code generate_request_id}</td><td>true</td>
 *       <td>Envoy default, which Istio keeps</td></tr>
 *   <tr><td>{@code max_request_headers_kb}</td><td>60</td>
 *       <td>Envoy default, which Istio keeps</td></tr>
 *   <tr><td>{@code common_http_protocol_options.max_headers_count}</td><td>100</td>
 *       <td>Envoy default, which Istio keeps</td></tr>
 *   <tr><td>{@code common_http_protocol_options.idle_timeout}</td><td>3600s</td>
 *       <td>Envoy default, which Istio keeps (no {@code IDLE_TIMEOUT} proxy metadata) and edge practice</td></tr>
 *   <tr><td>{@code common_http_protocol_options.headers_with_underscores_action}</td><td>ALLOW</td>
 *       <td>Envoy default, which Istio keeps</td></tr>
 *   <tr><td>{@code request_timeout}</td><td>0s (off)</td>
 *       <td>Envoy default, which Istio keeps</td></tr>
 *   <tr><td>{@code drain_timeout}</td><td>5s</td>
 *       <td>Envoy default, which Istio keeps</td></tr>
 *   <tr><td>{@code delayed_close_timeout}</td><td>1s</td>
 *       <td>Envoy default, which Istio keeps</td></tr>
 *   <tr><td>listener {@code listener_filters_timeout}</td><td>15s</td>
 *       <td>Envoy default, which Istio keeps</td></tr>
 *   <tr><td>{@code request_headers_timeout}</td><td>60s</td>
 *       <td>edge practice (Envoy: off)</td></tr>
 *   <tr><td>{@code http2_protocol_options.max_concurrent_streams}</td><td>100</td>
 *       <td>edge practice (Envoy: 2147483647)</td></tr>
 *   <tr><td>{@code http2_protocol_options.initial_stream_window_size}</td><td>65536</td>
 *       <td>edge practice (Envoy: 256 MiB)</td></tr>
 *   <tr><td>{@code http2_protocol_options.initial_connection_window_size}</td><td>1048576</td>
 *       <td>edge practice (Envoy: 256 MiB)</td></tr>
 *   <tr><td>listener {@code per_connection_buffer_limit_bytes}</td><td>32768</td>
 *       <td>edge practice (Envoy: 1 MiB)</td></tr>
 * </table>
 *
 * <p>"Istio" is pilot's gateway connection manager ({@code buildGatewayConnectionManager} and
 * {@code createGatewayHTTPFilterChainOpts} in istio/istio {@code pilot/pkg/networking/core/gateway.go},
 * {@code buildHTTPConnectionManager} in {@code listener_builder.go}, {@code buildGatewayListener} in
 * {@code listener.go}, {@code GetProxyHeadersFromProxyConfig} in {@code pilot/pkg/networking/util/proxy_headers.go})
 * under a default MeshConfig and ProxyConfig. "Edge practice" is envoyproxy/envoy
 * {@code docs/root/configuration/best_practices/edge.rst}, taken only where Istio leaves Envoy's default and
 * only for resource limits, with the values Istio's opt-in {@code connectionSettings.profile: EDGE} gives
 * gateways ({@code pilot/pkg/networking/core/connection_settings.go}; 60s for the headers timeout, which
 * edge.rst asks for without a value). Settings that decide which requests succeed stay as a default Istio
 * gateway has them, although the EDGE profile changes them too: streams and requests are not timed out (300s
 * there, which edge.rst says "must be disabled for long-lived and streaming requests"), headers with
 * underscores are allowed (REJECT_REQUEST there), and slashes are neither merged nor unescaped
 * (UNESCAPE_AND_REDIRECT there).
 */
final class ConnectionManagerDefaults {

    static final String ROUTER = "envoy.filters.http.router";
    static final String FAULT = "envoy.filters.http.fault";
    static final String CORS = "envoy.filters.http.cors";
    static final String WEBSOCKET = "websocket";
    /** Pilot's {@code EnvoyServerName}: the {@code server} response header of Istio proxies. */
    static final String SERVER_NAME = "istio-envoy";
    /** Edge practice for listener read and write buffers; Envoy's default is 1 MiB. */
    static final int PER_CONNECTION_BUFFER_LIMIT_BYTES = 32 * 1024;
    /** The time a gateway filter chain gives the TLS handshake (pilot's gateway default). */
    static final Duration TRANSPORT_SOCKET_CONNECT_TIMEOUT = seconds(15);
    /** The time listener filters such as the TLS inspector may wait for the first bytes (Envoy's default). */
    static final Duration LISTENER_FILTERS_TIMEOUT = seconds(15);

    static final Duration IDLE_TIMEOUT = seconds(3600);
    static final Duration REQUEST_HEADERS_TIMEOUT = seconds(60);
    static final Duration DRAIN_TIMEOUT = seconds(5);
    static final Duration DELAYED_CLOSE_TIMEOUT = seconds(1);
    /** Off, as pilot sets it for every connection manager. */
    static final Duration STREAM_IDLE_TIMEOUT = seconds(0);
    /** Off, as Envoy leaves it. */
    static final Duration REQUEST_TIMEOUT = seconds(0);
    static final int MAX_REQUEST_HEADERS_KB = 60;
    static final int MAX_HEADERS_COUNT = 100;
    static final int HTTP2_MAX_CONCURRENT_STREAMS = 100;
    static final int HTTP2_INITIAL_STREAM_WINDOW_SIZE = 64 * 1024;
    static final int HTTP2_INITIAL_CONNECTION_WINDOW_SIZE = 1024 * 1024;

    private ConnectionManagerDefaults() {
    }

    /**
     * The connection manager of a gateway filter chain.
     *
     * @param statPrefix the prefix of its statistics
     * @param routeName  the route configuration it reads over ADS
     */
    static HttpConnectionManager connectionManager(String statPrefix, String routeName) {
        return HttpConnectionManager.newBuilder()
                .setStatPrefix(statPrefix)
                .setCodecType(HttpConnectionManager.CodecType.AUTO)
                .setRds(Rds.newBuilder().setRouteConfigName(routeName).setConfigSource(routeConfigSource()))
                // The per-route fault and CORS settings only act through these filters, which pilot puts
                // before the router in this order (listener_builder.go, buildHTTPConnectionManager).
                .addHttpFilters(HttpFilter.newBuilder().setName(FAULT)
                        .setTypedConfig(Any.pack(HTTPFault.getDefaultInstance())))
                .addHttpFilters(HttpFilter.newBuilder().setName(CORS)
                        .setTypedConfig(Any.pack(Cors.getDefaultInstance())))
                .addHttpFilters(HttpFilter.newBuilder().setName(ROUTER)
                        .setTypedConfig(Any.pack(Router.getDefaultInstance())))
                .setUseRemoteAddress(BoolValue.of(true))
                .setXffNumTrustedHops(0)
                .setForwardClientCertDetails(HttpConnectionManager.ForwardClientCertDetails.SANITIZE_SET)
                .setSetCurrentClientCertDetails(HttpConnectionManager.SetCurrentClientCertDetails.newBuilder()
                        .setSubject(BoolValue.of(true)).setCert(true).setDns(true).setUri(true))
                .setServerName(SERVER_NAME)
                .setServerHeaderTransformation(HttpConnectionManager.ServerHeaderTransformation.OVERWRITE)
                .setNormalizePath(BoolValue.of(true))
                .setMergeSlashes(false)
                .setPathWithEscapedSlashesAction(HttpConnectionManager.PathWithEscapedSlashesAction.KEEP_UNCHANGED)
                .addUpgradeConfigs(HttpConnectionManager.UpgradeConfig.newBuilder().setUpgradeType(WEBSOCKET))
                .setGenerateRequestId(BoolValue.of(true))
                .setProxy100Continue(true)
                .setMaxRequestHeadersKb(UInt32Value.of(MAX_REQUEST_HEADERS_KB))
                .setStreamIdleTimeout(STREAM_IDLE_TIMEOUT)
                .setRequestTimeout(REQUEST_TIMEOUT)
                .setRequestHeadersTimeout(REQUEST_HEADERS_TIMEOUT)
                .setDrainTimeout(DRAIN_TIMEOUT)
                .setDelayedCloseTimeout(DELAYED_CLOSE_TIMEOUT)
                .setHttpProtocolOptions(Http1ProtocolOptions.newBuilder().setAcceptHttp10(false))
                .setCommonHttpProtocolOptions(HttpProtocolOptions.newBuilder()
                        .setIdleTimeout(IDLE_TIMEOUT)
                        .setMaxHeadersCount(UInt32Value.of(MAX_HEADERS_COUNT))
                        .setHeadersWithUnderscoresAction(HttpProtocolOptions.HeadersWithUnderscoresAction.ALLOW))
                .setHttp2ProtocolOptions(Http2ProtocolOptions.newBuilder()
                        .setMaxConcurrentStreams(UInt32Value.of(HTTP2_MAX_CONCURRENT_STREAMS))
                        .setInitialStreamWindowSize(UInt32Value.of(HTTP2_INITIAL_STREAM_WINDOW_SIZE))
                        .setInitialConnectionWindowSize(UInt32Value.of(HTTP2_INITIAL_CONNECTION_WINDOW_SIZE)))
                .build();
    }

    /** RDS over ADS, waiting for the first answer however long it takes, as pilot configures it. */
    private static ConfigSource.Builder routeConfigSource() {
        return ConfigSource.newBuilder().setAds(AggregatedConfigSource.getDefaultInstance())
                .setInitialFetchTimeout(seconds(0)).setResourceApiVersion(ApiVersion.V3);
    }

    private static Duration seconds(long s) {
        return Duration.newBuilder().setSeconds(s).build();
    }
}
