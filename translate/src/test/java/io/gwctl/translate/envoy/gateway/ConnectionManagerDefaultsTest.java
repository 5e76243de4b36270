package io.gwctl.translate.envoy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.config.listener.v3.FilterChain;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.ForwardClientCertDetails;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager.PathWithEscapedSlashesAction;
import io.gwctl.translate.envoy.GatewayOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connection settings of gateway listeners: what pilot's {@code buildGatewayConnectionManager} and
 * {@code buildHTTPConnectionManager} set under a default mesh, Envoy's defaults written out, and the edge
 * practice for the limits Istio leaves at Envoy's defaults.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConnectionManagerDefaultsTest {

    private static final HttpConnectionManager HCM = ConnectionManagerDefaults.connectionManager("stats", "http.8080");

    private static Duration seconds(long s) {
        return Duration.newBuilder().setSeconds(s).build();
    }

    /** Pilot's gateway settings: the client address from the connection, XFCC sanitised and set, websockets. */
    @Test
    void carriesIstiosGatewaySettings() {
        assertThat(HCM.getStatPrefix()).isEqualTo("stats");
        assertThat(HCM.getRds().getRouteConfigName()).isEqualTo("http.8080");
        assertThat(HCM.getRds().getConfigSource().hasAds()).isTrue();
        assertThat(HCM.getRds().getConfigSource().getInitialFetchTimeout()).isEqualTo(seconds(0));
        assertThat(HCM.getCodecType()).isEqualTo(HttpConnectionManager.CodecType.AUTO);
        assertThat(HCM.getUseRemoteAddress().getValue()).as("pilot sets it on every gateway HTTP chain").isTrue();
        assertThat(HCM.getXffNumTrustedHops()).isZero();
        assertThat(HCM.getForwardClientCertDetails()).isEqualTo(ForwardClientCertDetails.SANITIZE_SET);
        var xfcc = HCM.getSetCurrentClientCertDetails();
        assertThat(xfcc.getSubject().getValue() && xfcc.getCert() && xfcc.getDns() && xfcc.getUri()).isTrue();
        assertThat(HCM.getServerName()).isEqualTo("istio-envoy");
        assertThat(HCM.getServerHeaderTransformation())
                .isEqualTo(HttpConnectionManager.ServerHeaderTransformation.OVERWRITE);
        assertThat(HCM.getUpgradeConfigsList()).extracting(HttpConnectionManager.UpgradeConfig::getUpgradeType)
                .containsExactly("websocket");
        assertThat(HCM.getProxy100Continue()).isTrue();
        assertThat(HCM.getHttpProtocolOptions().getAcceptHttp10()).isFalse();
        assertThat(HCM.getAccessLogList()).as("no access log without MeshConfig accessLogFile").isEmpty();
        assertThat(HCM.getHttpFiltersList()).extracting(f -> f.getName()).as("fault and CORS before the router, as pilot orders them")
                .containsExactly("envoy.filters.http.fault", "envoy.filters.http.cors", "envoy.filters.http.router");
    }

    /** MeshConfig pathNormalization DEFAULT: RFC 3986 normalisation, slashes and escaped slashes left alone. */
    @Test
    void normalisesPathsAsTheDefaultMesh() {
        assertThat(HCM.getNormalizePath().getValue()).isTrue();
        assertThat(HCM.getMergeSlashes()).isFalse();
        assertThat(HCM.getPathWithEscapedSlashesAction()).isEqualTo(PathWithEscapedSlashesAction.KEEP_UNCHANGED);
    }

    /**
     * Every timeout is present, so that a reader needs no Envoy defaults: streams and requests are not timed out
     * (pilot turns the stream idle timeout off), connections idle out after an hour, headers must arrive
     * within 60s.
     */
    @Test
    void writesEveryTimeout() {
        assertThat(HCM.hasStreamIdleTimeout()).as("0s is present, meaning off").isTrue();
        assertThat(HCM.getStreamIdleTimeout()).isEqualTo(seconds(0));
        assertThat(HCM.hasRequestTimeout()).isTrue();
        assertThat(HCM.getRequestTimeout()).isEqualTo(seconds(0));
        assertThat(HCM.getRequestHeadersTimeout()).isEqualTo(seconds(60));
        assertThat(HCM.getCommonHttpProtocolOptions().getIdleTimeout()).isEqualTo(seconds(3600));
        assertThat(HCM.getDrainTimeout()).isEqualTo(seconds(5));
        assertThat(HCM.getDelayedCloseTimeout()).isEqualTo(seconds(1));
    }

    /** Envoy's header limits written out, and the edge practice's HTTP/2 limits. */
    @Test
    void writesEveryLimit() {
        assertThat(HCM.getMaxRequestHeadersKb().getValue()).isEqualTo(60);
        assertThat(HCM.getCommonHttpProtocolOptions().getMaxHeadersCount().getValue()).isEqualTo(100);
        assertThat(HCM.getCommonHttpProtocolOptions().getHeadersWithUnderscoresAction())
                .as("a default Istio gateway serves headers with underscores")
                .isEqualTo(HttpProtocolOptions.HeadersWithUnderscoresAction.ALLOW);
        assertThat(HCM.getGenerateRequestId().getValue()).isTrue();
        assertThat(HCM.getHttp2ProtocolOptions().getMaxConcurrentStreams().getValue()).isEqualTo(100);
        assertThat(HCM.getHttp2ProtocolOptions().getInitialStreamWindowSize().getValue()).isEqualTo(65536);
        assertThat(HCM.getHttp2ProtocolOptions().getInitialConnectionWindowSize().getValue()).isEqualTo(1048576);
    }

    /**
     * Gateway listeners carry the edge buffer limit and chains pilot's handshake deadline; an HTTP chain's stats
     * are prefixed by its listener, an HTTPS chain's by its server's name; a listener with the TLS inspector has
     * Envoy's listener filter timeout written out.
     */
    @Test
    void gatewayListenersCarryTheLimits() throws Exception {
        String servers = """
                - port: {number: 80, name: http, protocol: HTTP}
                  hosts: ["*"]
                - port: {number: 443, name: https, protocol: HTTPS}
                  name: secure
                  hosts: ["a.example.com"]
                  tls: {mode: SIMPLE, credentialName: a-cert}
                """;
        GatewayConfig c = GatewayTesting.translate(GatewayTranslatorTest.POD
                + GatewayTranslatorTest.gateway("gw", "default", servers), GatewayOptions.ingress());

        Listener http = c.listener("0.0.0.0_80").orElseThrow();
        assertThat(http.getPerConnectionBufferLimitBytes().getValue()).isEqualTo(32768);
        assertThat(http.hasListenerFiltersTimeout()).as("no listener filters on a plaintext port").isFalse();
        assertThat(hcm(http.getFilterChains(0)).getStatPrefix()).isEqualTo("outbound_0.0.0.0_80;");
        assertThat(http.getFilterChains(0).getTransportSocketConnectTimeout()).isEqualTo(seconds(15));

        Listener https = c.listener("0.0.0.0_443").orElseThrow();
        assertThat(https.getPerConnectionBufferLimitBytes().getValue()).isEqualTo(32768);
        assertThat(https.getListenerFiltersTimeout()).isEqualTo(seconds(15));
        assertThat(hcm(https.getFilterChains(0)).getStatPrefix()).isEqualTo("secure");
        assertThat(hcm(https.getFilterChains(0)).getUseRemoteAddress().getValue()).isTrue();
        assertThat(https.getFilterChains(0).getTransportSocketConnectTimeout()).isEqualTo(seconds(15));
    }

    private static HttpConnectionManager hcm(FilterChain chain) throws Exception {
        return chain.getFilters(0).getTypedConfig().unpack(HttpConnectionManager.class);
    }
}
