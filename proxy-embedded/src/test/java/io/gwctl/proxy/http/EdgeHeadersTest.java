package io.gwctl.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.gwctl.proxy.runtime.ConnectionManager;
import io.gwctl.proxy.tls.TlsSession;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * The edge proxy's request headers, as Envoy's {@code ConnectionManagerUtility::mutateRequestHeaders} sets
 * them with {@code use_remote_address} (envoyproxy/envoy source/common/http/conn_manager_utility.cc). The
 * external peer below is a documentation address (RFC 5737): a value in a header, never connected to.
 */
class EdgeHeadersTest {

    private static final ConnectionManager EDGE = new ConnectionManager(HttpConnectionManager.newBuilder()
            .setUseRemoteAddress(BoolValue.of(true)).build(), null);

    @Test
    void anExternalClientCannotPassEnvoyHeadersOrItsOwnRequestId() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("x-envoy-internal", "true").set("x-envoy-retry-on", "5xx").set("x-request-id", "mine")
                .set("x-forwarded-for", "10.1.2.3");
        EdgeHeaders.request(h, EDGE, new InetSocketAddress("203.0.113.5", 40000),
                new TlsSession("example.com", null, null));
        assertThat(h.contains("x-envoy-internal")).as("an external request is not internal").isFalse();
        assertThat(h.contains("x-envoy-retry-on")).isFalse();
        assertThat(h.get("x-envoy-external-address")).isEqualTo("203.0.113.5");
        assertThat(h.get("x-forwarded-for")).isEqualTo("10.1.2.3,203.0.113.5");
        assertThat(h.get("x-forwarded-proto")).isEqualTo("https");
        assertThat(h.get("x-request-id")).as("regenerated for an external request").isNotEqualTo("mine")
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void anInternalClientIsMarkedAndKeepsItsRequestId() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("x-request-id", "mine");
        EdgeHeaders.request(h, EDGE, new InetSocketAddress("127.0.0.1", 40000), null);
        assertThat(h.get("x-envoy-internal")).isEqualTo("true");
        assertThat(h.get("x-request-id")).isEqualTo("mine");
        assertThat(h.get("x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(h.get("x-forwarded-proto")).isEqualTo("http");
    }

    @Test
    void hopByHopHeadersAndThoseConnectionNamesGo() {
        HttpHeaders h = new DefaultHttpHeaders();
        h.set("connection", "keep-alive, x-private").set("x-private", "1").set("keep-alive", "timeout=5")
                .set("te", "trailers, deflate").set("upgrade", "h2c").set("x-kept", "1");
        EdgeHeaders.removeHopByHop(h);
        assertThat(h.names()).containsExactlyInAnyOrder("te", "x-kept");
        assertThat(h.get("te")).as("only trailers survives in TE").isEqualTo("trailers");
    }
}
