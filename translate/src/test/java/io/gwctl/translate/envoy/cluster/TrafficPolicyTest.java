package io.gwctl.translate.envoy.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;
import org.junit.jupiter.api.Test;

/** DestinationRule connection pools, outlier detection and upstream TLS ({@code cluster_traffic_policy.go}). */
class TrafficPolicyTest {

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: default}
            spec:
              ports: [{name: http, port: 8080}, {name: grpc, port: 9090}]
            ---
            """;

    private static Cluster cluster(String yaml, String name) {
        return Clusters.of(yaml).cluster(name).orElseThrow();
    }

    private static HttpProtocolOptions http(Cluster c) throws InvalidProtocolBufferException {
        return c.getTypedExtensionProtocolOptionsOrThrow(ConnectionPools.HTTP_PROTOCOL_OPTIONS)
                .unpack(HttpProtocolOptions.class);
    }

    private static UpstreamTlsContext tls(Cluster c) throws InvalidProtocolBufferException {
        assertThat(c.getTransportSocket().getName()).isEqualTo("envoy.transport_sockets.tls");
        return c.getTransportSocket().getTypedConfig().unpack(UpstreamTlsContext.class);
    }

    /**
     * connectionPool limits replace the default circuit breaker thresholds, tcp.connectTimeout the connect
     * timeout; idle timeout and max requests per connection become common HTTP protocol options, explicitly
     * HTTP/1.1 ({@code applyConnectionPool}, {@code clusterWrapper.build}); a gRPC port speaks HTTP/2 with the
     * concurrent stream limit ({@code setUpstreamProtocol}).
     */
    @Test
    void connectionPoolToCircuitBreakersAndProtocolOptions() throws Exception {
        String yaml = SERVICE + """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: api, namespace: default}
                spec:
                  host: api
                  trafficPolicy:
                    connectionPool:
                      tcp: {maxConnections: 100, connectTimeout: 250ms}
                      http: {http1MaxPendingRequests: 10, http2MaxRequests: 200, maxRetries: 3,
                             idleTimeout: 30s, maxRequestsPerConnection: 5, maxConcurrentStreams: 50}
                """;
        Cluster c = cluster(yaml, "outbound|8080||api.default.svc.cluster.local");

        var t = c.getCircuitBreakers().getThresholds(0);
        assertThat(t.getMaxConnections().getValue()).isEqualTo(100);
        assertThat(t.getMaxPendingRequests().getValue()).isEqualTo(10);
        assertThat(t.getMaxRequests().getValue()).isEqualTo(200);
        assertThat(t.getMaxRetries().getValue()).isEqualTo(3);
        assertThat(c.getConnectTimeout().getNanos()).isEqualTo(250_000_000);
        HttpProtocolOptions options = http(c);
        assertThat(options.getCommonHttpProtocolOptions().getIdleTimeout().getSeconds()).isEqualTo(30);
        assertThat(options.getCommonHttpProtocolOptions().getMaxRequestsPerConnection().getValue()).isEqualTo(5);
        assertThat(options.getExplicitHttpConfig().hasHttpProtocolOptions()).isTrue();
        HttpProtocolOptions grpc = http(cluster(yaml, "outbound|9090||api.default.svc.cluster.local"));
        assertThat(grpc.getExplicitHttpConfig().getHttp2ProtocolOptions().getMaxConcurrentStreams().getValue())
                .isEqualTo(50);
    }

    /**
     * h2UpgradePolicy UPGRADE makes an HTTP/1.1 port HTTP/2 ({@code shouldH2Upgrade}); useClientProtocol
     * follows the downstream protocol instead ({@code setUseDownstreamProtocol}); without a connection pool an
     * HTTP port has no protocol options.
     */
    @Test
    void h2UpgradeAndClientProtocol() throws Exception {
        String yaml = SERVICE + """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: api, namespace: default}
                spec:
                  host: api
                  trafficPolicy:
                    connectionPool:
                      http: {h2UpgradePolicy: UPGRADE}
                  subsets:
                  - name: client
                    labels: {v: c}
                    trafficPolicy:
                      connectionPool:
                        http: {useClientProtocol: true, h2UpgradePolicy: UPGRADE}
                """;

        assertThat(http(cluster(yaml, "outbound|8080||api.default.svc.cluster.local")).getExplicitHttpConfig()
                .hasHttp2ProtocolOptions()).isTrue();
        assertThat(http(cluster(yaml, "outbound|8080|client|api.default.svc.cluster.local"))
                .hasUseDownstreamProtocolConfig()).isTrue();
        assertThat(cluster(SERVICE, "outbound|8080||api.default.svc.cluster.local").getTypedExtensionProtocolOptionsMap())
                .isEmpty();
    }

    /**
     * outlierDetection: success-rate ejection off, 5xx and gateway errors enforced at 100%, interval, base
     * ejection time, max ejection percent, and minHealthPercent as the healthy panic threshold
     * ({@code applyOutlierDetection}).
     */
    @Test
    void outlierDetection() {
        Cluster c = cluster(SERVICE + """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: api, namespace: default}
                spec:
                  host: api
                  trafficPolicy:
                    outlierDetection:
                      consecutive5xxErrors: 7
                      consecutiveGatewayErrors: 0
                      interval: 5m
                      baseEjectionTime: 15m
                      maxEjectionPercent: 40
                      minHealthPercent: 20
                """, "outbound|8080||api.default.svc.cluster.local");

        var o = c.getOutlierDetection();
        assertThat(o.getEnforcingSuccessRate().getValue()).isZero();
        assertThat(o.getConsecutive5Xx().getValue()).isEqualTo(7);
        assertThat(o.getEnforcingConsecutive5Xx().getValue()).isEqualTo(100);
        assertThat(o.getConsecutiveGatewayFailure().getValue()).isZero();
        assertThat(o.getEnforcingConsecutiveGatewayFailure().getValue()).isZero();
        assertThat(o.getInterval().getSeconds()).isEqualTo(300);
        assertThat(o.getBaseEjectionTime().getSeconds()).isEqualTo(900);
        assertThat(o.getMaxEjectionPercent().getValue()).isEqualTo(40);
        assertThat(c.getCommonLbConfig().getHealthyPanicThreshold().getValue()).isEqualTo(20.0);
    }

    /**
     * SIMPLE TLS with files: TLS 1.2–1.3, the SNI, subject alt names matched exactly, the CA as the agent's
     * {@code file-root:} SDS resource; no auto SNI since an SNI is set ({@code constructUpstreamTLS},
     * {@code setAutoSniAndAutoSanValidation}).
     */
    @Test
    void simpleTlsWithFiles() throws Exception {
        Cluster c = cluster(SERVICE + """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: api, namespace: default}
                spec:
                  host: api
                  trafficPolicy:
                    tls:
                      mode: SIMPLE
                      sni: api.internal
                      caCertificates: /etc/certs/ca.pem
                      subjectAltNames: [api.internal]
                """, "outbound|8080||api.default.svc.cluster.local");

        UpstreamTlsContext tls = tls(c);
        assertThat(tls.getSni()).isEqualTo("api.internal");
        assertThat(tls.getCommonTlsContext().getTlsParams().getTlsMinimumProtocolVersion().name()).isEqualTo("TLSv1_2");
        var combined = tls.getCommonTlsContext().getCombinedValidationContext();
        assertThat(combined.getValidationContextSdsSecretConfig().getName()).isEqualTo("file-root:/etc/certs/ca.pem");
        assertThat(combined.getValidationContextSdsSecretConfig().getSdsConfig().getApiConfigSource()
                .getGrpcServices(0).getEnvoyGrpc().getClusterName()).isEqualTo("sds-grpc");
        assertThat(combined.getDefaultValidationContext().getMatchSubjectAltNames(0).getExact()).isEqualTo("api.internal");
        assertThat(tls.getCommonTlsContext().getTlsCertificateSdsSecretConfigsList()).isEmpty();
        assertThat(c.getTypedExtensionProtocolOptionsMap()).isEmpty();
    }

    /**
     * MUTUAL TLS with credentialName: the client certificate {@code kubernetes://<name>} and the CA
     * {@code kubernetes://<name>-cacert} over ADS ({@code ApplyCustomSDSToClientCommonTLSContext}); without SNI
     * or SANs auto SNI and auto SAN validation are on ({@code setAutoSniAndAutoSanValidation}); an HTTP/2 cluster
     * offers {@code h2} by ALPN. MUTUAL with files names the agent's {@code file-cert:<cert>~<key>} resource.
     */
    @Test
    void mutualTlsWithCredentialNameAndFiles() throws Exception {
        String yaml = SERVICE + """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata: {name: api, namespace: default}
                spec:
                  host: api
                  trafficPolicy:
                    tls: {mode: MUTUAL, credentialName: api-client}
                  subsets:
                  - name: files
                    labels: {v: f}
                    trafficPolicy:
                      tls: {mode: MUTUAL, clientCertificate: /c/cert.pem, privateKey: /c/key.pem, sni: x}
                """;
        Cluster grpc = cluster(yaml, "outbound|9090||api.default.svc.cluster.local");

        UpstreamTlsContext tls = tls(grpc);
        var cert = tls.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0);
        assertThat(cert.getName()).isEqualTo("kubernetes://api-client");
        assertThat(cert.getSdsConfig().hasAds()).isTrue();
        assertThat(tls.getCommonTlsContext().getCombinedValidationContext().getValidationContextSdsSecretConfig()
                .getName()).isEqualTo("kubernetes://api-client-cacert");
        assertThat(tls.getCommonTlsContext().getAlpnProtocolsList()).containsExactly("h2");
        var upstream = http(grpc).getUpstreamHttpProtocolOptions();
        assertThat(upstream.getAutoSni()).isTrue();
        assertThat(upstream.getAutoSanValidation()).isTrue();

        UpstreamTlsContext files = tls(cluster(yaml, "outbound|8080|files|api.default.svc.cluster.local"));
        assertThat(files.getCommonTlsContext().getTlsCertificateSdsSecretConfigs(0).getName())
                .isEqualTo("file-cert:/c/cert.pem~/c/key.pem");
        assertThat(files.getCommonTlsContext().hasValidationContext()).isTrue();
    }
}
