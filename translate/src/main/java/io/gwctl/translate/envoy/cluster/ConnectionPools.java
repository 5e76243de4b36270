package io.gwctl.translate.envoy.cluster;

import com.google.protobuf.Any;
import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.cluster.v3.CircuitBreakers;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.core.v3.Http1ProtocolOptions;
import io.envoyproxy.envoy.config.core.v3.Http2ProtocolOptions;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsHTTPSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsHTTPSettingsH2UpgradePolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsTCPSettings;
import io.gwctl.translate.envoy.ServicePort;
import java.util.Set;

/**
 * The circuit breakers and upstream HTTP protocol options of a cluster, as pilot sets them:
 * <ul>
 * <li>every cluster starts with {@code getDefaultCircuitBreakerThresholds} (every limit 2^32-1, remaining
 * counts tracked);</li>
 * <li>HTTP/2 and gRPC ports speak HTTP/2 upstream ({@code setUpstreamProtocol}, {@code setH2Options});</li>
 * <li>a DestinationRule's {@code connectionPool} ({@code applyConnectionPool}): tcp.maxConnections,
 * http.http1MaxPendingRequests, http.http2MaxRequests and http.maxRetries replace the default thresholds when
 * positive; tcp.connectTimeout replaces the connect timeout; http.idleTimeout (else tcp.idleTimeout),
 * http.maxRequestsPerConnection and tcp.maxConnectionDuration go into the common HTTP protocol options,
 * http.maxConcurrentStreams into the HTTP/2 options of an HTTP/2 cluster;</li>
 * <li>h2UpgradePolicy UPGRADE makes the cluster HTTP/2 unless useClientProtocol is set, which makes it follow
 * the downstream protocol instead ({@code applyH2Upgrade}, {@code setUseDownstreamProtocol}); the mesh
 * default is not to upgrade.</li>
 * </ul>
 * The protocol options travel as {@code envoy.extensions.upstreams.http.v3.HttpProtocolOptions} in
 * {@code typed_extension_protocol_options}, HTTP/1.1 explicitly when nothing else is chosen (pilot's
 * {@code clusterWrapper.build}).
 */
final class ConnectionPools {

    /** The key of the upstream HTTP protocol options in {@code typed_extension_protocol_options}. */
    static final String HTTP_PROTOCOL_OPTIONS = "envoy.extensions.upstreams.http.v3.HttpProtocolOptions";
    private static final Set<String> HTTP2 = Set.of("HTTP2", "GRPC", "GRPC-WEB");
    private static final int MAX = -1; // 2^32-1 as an unsigned 32-bit value

    private ConnectionPools() {
    }

    /**
     * Applies {@code settings} to {@code c}; returns the upstream HTTP protocol options chosen so far (null when
     * none), for {@link UpstreamTls} to add to before {@link #finish} puts them on the cluster.
     */
    static HttpProtocolOptions.Builder apply(Cluster.Builder c, ConnectionPoolSettings settings, ServicePort port) {
        CircuitBreakers.Thresholds.Builder threshold = CircuitBreakers.Thresholds.newBuilder()
                .setMaxConnections(UInt32Value.of(MAX))
                .setMaxPendingRequests(UInt32Value.of(MAX))
                .setMaxRequests(UInt32Value.of(MAX))
                .setMaxRetries(UInt32Value.of(MAX))
                .setTrackRemaining(true);
        HttpProtocolOptions.Builder options = null;
        if (HTTP2.contains(port.protocol())) {
            options = HttpProtocolOptions.newBuilder();
            h2(options);
        }
        ConnectionPoolSettingsHTTPSettings http = settings == null ? null : settings.getHttp();
        ConnectionPoolSettingsTCPSettings tcp = settings == null ? null : settings.getTcp();
        if (http != null) {
            if (positive(http.getHttp2MaxRequests())) {
                threshold.setMaxRequests(UInt32Value.of(http.getHttp2MaxRequests()));
            }
            if (positive(http.getHttp1MaxPendingRequests())) {
                threshold.setMaxPendingRequests(UInt32Value.of(http.getHttp1MaxPendingRequests()));
            }
            if (positive(http.getMaxRetries())) {
                threshold.setMaxRetries(UInt32Value.of(http.getMaxRetries()));
            }
        }
        String idleTimeout = http == null ? null : http.getIdleTimeout();
        String maxConnectionDuration = null;
        if (tcp != null) {
            ProtoDurations.of(tcp.getConnectTimeout()).ifPresent(c::setConnectTimeout);
            if (positive(tcp.getMaxConnections())) {
                threshold.setMaxConnections(UInt32Value.of(tcp.getMaxConnections()));
            }
            maxConnectionDuration = tcp.getMaxConnectionDuration();
            if (idleTimeout == null) {
                idleTimeout = tcp.getIdleTimeout();
            }
        }
        c.setCircuitBreakers(CircuitBreakers.newBuilder().addThresholds(threshold));
        Integer perConnection = http == null ? null : http.getMaxRequestsPerConnection();
        Integer streams = http == null ? null : http.getMaxConcurrentStreams();
        if (idleTimeout != null || maxConnectionDuration != null || positive(perConnection) || positive(streams)) {
            if (options == null) {
                options = HttpProtocolOptions.newBuilder();
            }
            var common = options.getCommonHttpProtocolOptionsBuilder();
            ProtoDurations.of(idleTimeout).ifPresent(common::setIdleTimeout);
            ProtoDurations.of(maxConnectionDuration).ifPresent(common::setMaxConnectionDuration);
            if (positive(perConnection)) {
                common.setMaxRequestsPerConnection(UInt32Value.of(perConnection));
            }
            if (positive(streams) && options.getExplicitHttpConfig().hasHttp2ProtocolOptions()) {
                options.getExplicitHttpConfigBuilder().getHttp2ProtocolOptionsBuilder()
                        .setMaxConcurrentStreams(UInt32Value.of(streams));
            }
        }
        boolean useClientProtocol = http != null && Boolean.TRUE.equals(http.getUseClientProtocol());
        if (useClientProtocol) {
            options = options == null ? HttpProtocolOptions.newBuilder() : options;
            options.setUseDownstreamProtocolConfig(HttpProtocolOptions.UseDownstreamHttpConfig.newBuilder()
                    .setHttpProtocolOptions(Http1ProtocolOptions.newBuilder())
                    .setHttp2ProtocolOptions(Http2ProtocolOptions.newBuilder()));
        } else if (http != null && http.getH2UpgradePolicy() == ConnectionPoolSettingsHTTPSettingsH2UpgradePolicy.UPGRADE) {
            options = options == null ? HttpProtocolOptions.newBuilder() : options;
            h2(options);
        }
        return options;
    }

    /** Puts {@code options} on {@code c}, HTTP/1.1 explicitly when no protocol is chosen. */
    static void finish(Cluster.Builder c, HttpProtocolOptions.Builder options) {
        if (options != null) {
            if (!options.hasExplicitHttpConfig() && !options.hasUseDownstreamProtocolConfig()
                    && !options.hasAutoConfig()) {
                options.setExplicitHttpConfig(HttpProtocolOptions.ExplicitHttpConfig.newBuilder()
                        .setHttpProtocolOptions(Http1ProtocolOptions.newBuilder()));
            }
            c.putTypedExtensionProtocolOptions(HTTP_PROTOCOL_OPTIONS, Any.pack(options.build()));
        }
    }

    /** Whether {@code options} make the cluster speak HTTP/2 (pilot's {@code isHttp2Cluster}). */
    static boolean isHttp2(HttpProtocolOptions.Builder options) {
        return options != null && options.getExplicitHttpConfig().hasHttp2ProtocolOptions();
    }

    private static void h2(HttpProtocolOptions.Builder options) {
        if (!options.getExplicitHttpConfig().hasHttp2ProtocolOptions()) {
            options.setExplicitHttpConfig(HttpProtocolOptions.ExplicitHttpConfig.newBuilder()
                    .setHttp2ProtocolOptions(Http2ProtocolOptions.newBuilder()));
        }
    }

    private static boolean positive(Integer value) {
        return value != null && value > 0;
    }
}
