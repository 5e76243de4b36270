package io.gwctl.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import io.envoyproxy.envoy.config.core.v3.HttpProtocolOptions;
import io.envoyproxy.envoy.config.listener.v3.Filter;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.gwctl.proxy.accesslog.AccessLog;
import io.gwctl.proxy.runtime.GatewayRuntime;
import io.gwctl.proxy.runtime.UpstreamOverride;
import io.gwctl.proxy.stats.GatewayStats;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The connection manager's edge behaviour on real sockets: framing errors, header limits, pipelining,
 * hop-by-hop headers, timeouts for slow clients, HTTP/2 cleartext, and bodies larger than any buffer.
 */
@Timeout(60)
class EdgeBehaviourTest {

    private static final String CONFIG = GatewayFixture.allHosts("- route: [{destination: {host: a}}]\n", "a");

    private TestBackend backend;
    private GatewayFixture gw;

    @BeforeEach
    void start() throws Exception {
        backend = new TestBackend("a");
        gw = GatewayFixture.start(CONFIG, backend.upstream("a"));
    }

    @AfterEach
    void stop() {
        gw.close();
        backend.close();
    }

    /** Sends raw bytes and reads until the gateway closes the connection (or the deadline). */
    private String exchange(int port, String raw) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return readAll(socket.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                got.write(buf, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            // What arrived before the deadline is the answer.
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void contentLengthWithTransferEncodingIsRejectedAndTheConnectionClosed() throws IOException {
        String reply = exchange(gw.port(80), "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(reply).as("request smuggling must not reach the backend").startsWith("HTTP/1.1 400");
        assertThat(reply).doesNotContain("/smuggled");
        assertThat(backend.requests.get()).isZero();
    }

    @Test
    void differingContentLengthsAreRejected() throws IOException {
        String reply = exchange(gw.port(80), "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                + "Content-Length: 6\r\n\r\nhello!");
        assertThat(reply).startsWith("HTTP/1.1 400");
        assertThat(backend.requests.get()).isZero();
    }

    @Test
    void malformedChunkGives400AndCloses() throws IOException {
        String reply = exchange(gw.port(80), "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\nhello\r\n0\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 400");
        assertThat(reply.toLowerCase()).contains("connection: close");
    }

    @Test
    void headersOverTheLimitGive431() throws IOException {
        String big = "x".repeat(61 * 1024);
        String reply = exchange(gw.port(80), "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n");
        assertThat(reply).startsWith("HTTP/1.1 431");
        assertThat(backend.requests.get()).isZero();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws IOException {
        String reply = exchange(gw.port(80), "GET /delay/300 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /one HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /two HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        int first = reply.indexOf("a /delay/300");
        int second = reply.indexOf("a /one");
        int third = reply.indexOf("a /two");
        assertThat(first).as(reply).isGreaterThanOrEqualTo(0);
        assertThat(second).as("the slow first response still comes first").isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
    }

    @Test
    void hopByHopHeadersDoNotReachTheBackend() throws IOException {
        exchange(gw.port(80), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close, x-private\r\nx-private: 1\r\n"
                + "Keep-Alive: timeout=5\r\nProxy-Connection: keep-alive\r\n\r\n");
        assertThat(backend.lastHeaders).doesNotContainKeys("x-private", "keep-alive", "proxy-connection");
        assertThat(backend.lastHeaders.get("connection")).isNotEqualTo("close, x-private");
    }

    @Test
    void http2CleartextByUpgradeIsServed() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = h2.send(HttpRequest.newBuilder(gw.uri(80, "/h2/" + i)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("a /h2/" + i);
            if (i > 0) {
                assertThat(r.version()).as("after the upgrade the connection speaks HTTP/2")
                        .isEqualTo(HttpClient.Version.HTTP_2);
            }
        }
    }

    @Test
    void http2ConnectionsAreCountedAsSuch() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        assertThat(h2.send(HttpRequest.newBuilder(gw.uri(80, "/")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        assertThat(stat("downstream_cx_http2_total")).as("the upgraded connection").isEqualTo(1);
        assertThat(stat("downstream_cx_http1_total")).as("an upgrade request does not make an HTTP/1.1 connection")
                .isZero();
        assertThat(stat("downstream_cx_active")).isEqualTo(1);
    }

    private long stat(String suffix) {
        return gw.proxy().stats().snapshot().stream().filter(s -> s.name().startsWith("http.")
                && s.name().endsWith("." + suffix)).mapToLong(s -> s.value()).sum();
    }

    @Test
    void largeBodiesStreamBothWays() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long size = 64L * 1024 * 1024;
        HttpResponse<InputStream> down = client.send(HttpRequest.newBuilder(gw.uri(80, "/bytes/" + size)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long read = 0;
        try (InputStream in = down.body()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                read += n;
            }
        }
        assertThat(read).isEqualTo(size);
        long upload = 32L * 1024 * 1024;
        HttpResponse<String> up = client.send(HttpRequest.newBuilder(gw.uri(80, "/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ZeroStream(upload))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(backend.lastHeaders).containsEntry(":received-bytes", Long.toString(upload));
    }

    @Test
    void slowHeadersAndIdleConnectionsAreCutOff() throws Exception {
        gw.close();
        EnvoySnapshot snapshot = withTimeouts(GatewayFixture.snapshot(CONFIG), 300, 800);
        GatewayRuntime runtime = GatewayRuntime.compile(snapshot,
                List.of(UpstreamOverride.parse(backend.upstream("a"), "default", "cluster.local")));
        GatewaySettings settings = new GatewaySettings(InetAddress.getLoopbackAddress(), l -> 0, 1, AccessLog.off(), 1000);
        try (GatewayProxy proxy = GatewayProxy.start(runtime, settings, new GatewayStats())) {
            int port = proxy.listeners().get(0).localAddress().getPort();
            try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
                slow.setSoTimeout(5_000);
                slow.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.ISO_8859_1));
                long start = System.nanoTime();
                String reply = readAll(slow.getInputStream());
                assertThat(reply).as("a client that never finishes its headers gets 408").startsWith("HTTP/1.1 408");
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
            }
            try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), port)) {
                idle.setSoTimeout(5_000);
                long start = System.nanoTime();
                assertThat(idle.getInputStream().read()).as("an idle connection is closed").isEqualTo(-1);
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
            }
        }
        gw = GatewayFixture.start(CONFIG, backend.upstream("a"));
    }

    /** The snapshot with the connection manager's header and idle timeouts set, as a config could set them. */
    private static EnvoySnapshot withTimeouts(EnvoySnapshot snapshot, long headersMillis, long idleMillis)
            throws InvalidProtocolBufferException {
        Listener l = snapshot.listeners().get(0);
        Filter f = l.getFilterChains(0).getFilters(0);
        HttpConnectionManager hcm = f.getTypedConfig().unpack(HttpConnectionManager.class).toBuilder()
                .setRequestHeadersTimeout(Duration.newBuilder().setNanos((int) (headersMillis * 1_000_000)))
                .setCommonHttpProtocolOptions(HttpProtocolOptions.newBuilder()
                        .setIdleTimeout(Duration.newBuilder().setNanos((int) (idleMillis * 1_000_000))))
                .build();
        Listener changed = l.toBuilder().setFilterChains(0, l.getFilterChains(0).toBuilder()
                .setFilters(0, f.toBuilder().setTypedConfig(com.google.protobuf.Any.pack(hcm)))).build();
        return new EnvoySnapshot(List.of(changed), snapshot.routes(), snapshot.clusters(), snapshot.endpoints(),
                snapshot.secrets());
    }

    /** {@code size} zero bytes, produced as read: an upload no buffer holds whole. */
    private static final class ZeroStream extends InputStream {
        private long left;

        ZeroStream(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 0 : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
