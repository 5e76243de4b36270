package io.gwctl.proxy.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpClient.Version;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The sample backend over real sockets, driven by the JDK HTTP client over HTTP/1.1 and HTTP/2 (h2c). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SampleBackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "sample-v1";
    private static final long ECHO_BYTES = 20L * 1024 * 1024;
    private static final String STREAM_WINDOW = "jdk.httpclient.windowsize";

    private static SampleBackend backend;
    private static HttpClient http1;
    private static HttpClient http2;

    @BeforeAll
    static void start() throws Exception {
        backend = SampleBackend.start(NAME, new InetSocketAddress("127.0.0.1", 0));
        http1 = client(Version.HTTP_1_1);
        http2 = client(Version.HTTP_2);
        HttpResponse<String> upgraded = http2.send(request("/get").build(), BodyHandlers.ofString());
        assertThat(upgraded.version())
                .as("the first request upgrades the connection with Upgrade: h2c; later ones reuse it")
                .isEqualTo(Version.HTTP_2);
    }

    @AfterAll
    static void stop() {
        backend.close();
    }

    @ParameterizedTest
    @EnumSource(names = {"HTTP_1_1", "HTTP_2"})
    void getReportsArgsHeadersOriginUrlAndBackend(Version version) throws Exception {
        HttpResponse<String> response = send(version, request("/get?a=1&a=2&b=x").header("x-probe", "p1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(version);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("args").path("a").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(json.path("args").path("b").asText()).isEqualTo("x");
        assertThat(json.path("headers").path("x-probe").asText()).isEqualTo("p1");
        assertThat(json.path("origin").asText()).isEqualTo("127.0.0.1");
        assertThat(json.path("url").asText()).isEqualTo(url("/get?a=1&a=2&b=x"));
        assertThat(json.path("backend").asText()).isEqualTo(NAME);
    }

    static Stream<Arguments> everyResponse() {
        List<Arguments> cases = new ArrayList<>();
        for (Version version : List.of(Version.HTTP_1_1, Version.HTTP_2)) {
            for (String path : List.of("/get", "/status/503", "/nowhere", "/bytes/10", "/stream/2", "/delay/0",
                    "/delay/x", "/ws")) {
                cases.add(Arguments.of(version, path));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("everyResponse")
    void everyResponseNamesTheBackend(Version version, String path) throws Exception {
        HttpResponse<String> response = send(version, request(path));

        assertThat(response.headers().firstValue("x-backend-name")).hasValue(NAME);
        assertThat(response.headers().firstValue("server")).hasValue("gwctl-sample");
    }

    @Test
    void priorKnowledgeHttp2IsServed() throws Exception {
        PriorKnowledgeClient.Response response = PriorKnowledgeClient.get(backend.address(), "/get?via=h2");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("x-backend-name", NAME);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("args").path("via").asText()).isEqualTo("h2");
        assertThat(json.path("headers").has("x-http2-stream-id"))
                .as("headers added by the HTTP/2 conversion were not sent by the client")
                .isFalse();
    }

    @Test
    void headersAreReportedWithTheNamesReceived() throws Exception {
        HttpResponse<String> response = send(Version.HTTP_1_1, request("/headers").header("X-Mixed-Case", "v"));

        JsonNode headers = JSON.readTree(response.body()).path("headers");
        assertThat(headers.path("X-Mixed-Case").asText()).isEqualTo("v");
        assertThat(JSON.readTree(response.body()).path("backend").asText()).isEqualTo(NAME);
    }

    @ParameterizedTest
    @EnumSource(names = {"HTTP_1_1", "HTTP_2"})
    void anythingReportsMethodPathArgsBodyAndJson(Version version) throws Exception {
        HttpResponse<String> response = send(version, request("/anything/a/b?x=1")
                .header("content-type", "application/json")
                .method("PATCH", BodyPublishers.ofString("{\"k\":\"v\"}")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("method").asText()).isEqualTo("PATCH");
        assertThat(json.path("path").asText()).isEqualTo("/anything/a/b");
        assertThat(json.path("args").path("x").asText()).isEqualTo("1");
        assertThat(json.path("data").asText()).isEqualTo("{\"k\":\"v\"}");
        assertThat(json.path("json").path("k").asText()).isEqualTo("v");
        assertThat(json.path("backend").asText()).isEqualTo(NAME);
    }

    @Test
    void anythingReportsNullJsonForABodyThatIsNotJson() throws Exception {
        HttpResponse<String> response = send(Version.HTTP_1_1,
                request("/anything").POST(BodyPublishers.ofString("{\"k\":1} trailing")));

        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("json").isNull()).isTrue();
        assertThat(json.path("data").asText()).isEqualTo("{\"k\":1} trailing");
    }

    @Test
    void ipIsThePeerOrTheForwardedFor() throws Exception {
        JsonNode direct = JSON.readTree(send(Version.HTTP_1_1, request("/ip")).body());
        JsonNode proxied = JSON.readTree(
                send(Version.HTTP_1_1, request("/ip").header("x-forwarded-for", "203.0.113.7")).body());

        assertThat(direct.path("origin").asText()).isEqualTo("127.0.0.1");
        assertThat(proxied.path("origin").asText())
                .as("httpbin reports the client a proxy forwarded for")
                .isEqualTo("203.0.113.7");
    }

    @ParameterizedTest
    @EnumSource(names = {"HTTP_1_1", "HTTP_2"})
    void statusAnswersTheCodeAsked(Version version) throws Exception {
        assertThat(send(version, request("/status/418")).statusCode()).isEqualTo(418);
        assertThat(send(version, request("/status/204")).statusCode()).isEqualTo(204);
        assertThat(send(version, request("/status/503").POST(BodyPublishers.ofString("x"))).statusCode())
                .isEqualTo(503);
    }

    @Test
    void statusPicksFromAListByWeight() throws Exception {
        List<Integer> picked = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            picked.add(send(Version.HTTP_1_1, request("/status/200,503")).statusCode());
        }

        assertThat(picked).isSubsetOf(200, 503);
        assertThat(send(Version.HTTP_1_1, request("/status/500:0,201:1")).statusCode())
                .as("a code of weight 0 is never picked")
                .isEqualTo(201);
    }

    @Test
    void statusRejectsWhatIsNotACode() throws Exception {
        assertThat(send(Version.HTTP_1_1, request("/status/abc")).statusCode()).isEqualTo(400);
        assertThat(send(Version.HTTP_1_1, request("/status/600")).statusCode()).isEqualTo(400);
        assertThat(send(Version.HTTP_1_1, request("/status/200,")).statusCode()).isEqualTo(400);
    }

    @Test
    void delayWaitsAtLeastTheDelay() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send(Version.HTTP_1_1, request("/delay/0.5?x=1"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(took).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));
        JsonNode json = JSON.readTree(response.body());
        assertThat(json.path("args").path("x").asText()).isEqualTo("1");
        assertThat(json.path("method").asText()).isEqualTo("GET");
    }

    @Test
    void delayDoesNotHoldUpOtherStreamsOfTheConnection() throws Exception {
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> delayed =
                http2.sendAsync(request("/delay/1").build(), BodyHandlers.ofString());
        HttpResponse<String> quick = http2.send(request("/get").build(), BodyHandlers.ofString());
        Duration quickTook = Duration.ofNanos(System.nanoTime() - start);
        HttpResponse<String> slow = delayed.get(10, TimeUnit.SECONDS);
        Duration slowTook = Duration.ofNanos(System.nanoTime() - start);

        assertThat(quick.version()).isEqualTo(Version.HTTP_2);
        assertThat(quickTook).as("the delay is a timer, not a sleep on the event loop").isLessThan(Duration.ofMillis(900));
        assertThat(slow.statusCode()).isEqualTo(200);
        assertThat(slowTook).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void delayRejectsWhatIsNotANumber() throws Exception {
        assertThat(send(Version.HTTP_1_1, request("/delay/soon")).statusCode()).isEqualTo(400);
        assertThat(send(Version.HTTP_1_1, request("/delay/-1")).statusCode()).isEqualTo(400);
    }

    @Test
    void flakyFailsTheFirstAttemptsOfEachKey() throws Exception {
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            first.add(send(Version.HTTP_1_1, request("/flaky/2?key=first")).statusCode());
        }
        int other = send(Version.HTTP_2, request("/flaky/2?key=second")).statusCode();
        HttpResponse<String> third = send(Version.HTTP_2, request("/flaky/0?key=third"));

        assertThat(first).containsExactly(503, 503, 200, 200);
        assertThat(other).as("each key counts its own attempts").isEqualTo(503);
        assertThat(third.statusCode()).isEqualTo(200);
        JsonNode json = JSON.readTree(third.body());
        assertThat(json.path("attempt").asLong()).isEqualTo(1);
        assertThat(json.path("key").asText()).isEqualTo("third");
    }

    @ParameterizedTest
    @EnumSource(names = {"HTTP_1_1", "HTTP_2"})
    void bytesSendsExactlyTheLengthAsked(Version version) throws Exception {
        HttpResponse<byte[]> response = clientFor(version).send(request("/bytes/1048576").build(),
                BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).hasSize(1048576);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/octet-stream");
    }

    @Test
    void bytesWithASeedAreRepeatable() throws Exception {
        byte[] once = http1.send(request("/bytes/50000?seed=7").build(), BodyHandlers.ofByteArray()).body();
        byte[] again = http2.send(request("/bytes/50000?seed=7").build(), BodyHandlers.ofByteArray()).body();

        assertThat(again).isEqualTo(once);
    }

    @ParameterizedTest
    @EnumSource(names = {"HTTP_1_1", "HTTP_2"})
    void streamSendsOneJsonLinePerMessage(Version version) throws Exception {
        HttpResponse<String> response = send(version, request("/stream/5"));

        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(5);
        for (int id = 0; id < 5; id++) {
            JsonNode line = JSON.readTree(lines.get(id));
            assertThat(line.path("id").asInt()).isEqualTo(id);
            assertThat(line.path("backend").asText()).isEqualTo(NAME);
        }
    }

    /**
     * The JDK 17 client starts reading a response only once it has sent the whole request body (JDK-8350451), so
     * until then the echo piles up in its HTTP/2 stream window: this client opens its connection with a 32 MiB
     * window ({@code jdk.httpclient.windowsize}, 16 MiB by default) so that the 20 MiB echo fits.
     */
    @Test
    void echoStreamsA20MibBodyBackOverHttp2() throws Exception {
        HttpClient client = http2ClientWithStreamWindow(32 * 1024 * 1024);
        GeneratedBody body = new GeneratedBody(ECHO_BYTES, 42);
        HttpRequest request = request("/echo")
                .header("content-type", "application/x-sample")
                .POST(BodyPublishers.ofInputStream(() -> body))
                .build();

        HttpResponse<InputStream> response = client.send(request, BodyHandlers.ofInputStream());
        MessageDigest echoed = MessageDigest.getInstance("SHA-256");
        long received;
        try (InputStream in = response.body()) {
            received = digest(in, echoed, Long.MAX_VALUE);
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(Version.HTTP_2);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/x-sample");
        assertThat(received).isEqualTo(ECHO_BYTES);
        assertThat(echoed.digest()).as("the echoed body is the body sent").isEqualTo(body.sha256());
    }

    /** Over HTTP/1.1 the client has to read the echo while still sending, which the JDK 17 client cannot do. */
    @Test
    void echoStreamsA20MibBodyBackOverHttp11() throws Exception {
        GeneratedBody body = new GeneratedBody(ECHO_BYTES, 43);
        try (RawHttpConnection connection = new RawHttpConnection(backend.address())) {
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> upload(connection, body, ECHO_BYTES));
            RawHttpConnection.Response head = connection.readHead();
            MessageDigest echoed = MessageDigest.getInstance("SHA-256");
            long received = digest(connection.input(), echoed, ECHO_BYTES);
            upload.get(30, TimeUnit.SECONDS);

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.headers()).containsEntry("content-length", String.valueOf(ECHO_BYTES));
            assertThat(received).isEqualTo(ECHO_BYTES);
            assertThat(echoed.digest()).as("the echoed body is the body sent").isEqualTo(body.sha256());
        }
    }

    @Test
    void echoStopsReadingAClientThatDoesNotReadTheEcho() throws Exception {
        long offered = 256L * 1024 * 1024;
        CountingStream counted = new CountingStream(new GeneratedBody(offered, 44));
        try (RawHttpConnection connection = new RawHttpConnection(backend.address())) {
            CompletableFuture<Void> upload = CompletableFuture.runAsync(() -> upload(connection, counted, offered));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            long seen = -1;
            while ((seen <= 0 || counted.count() != seen) && !upload.isDone() && System.nanoTime() < deadline) {
                seen = counted.count();
                TimeUnit.MILLISECONDS.sleep(500);
            }

            assertThat(upload).as("the upload stalls once socket buffers are full").isNotDone();
            assertThat(counted.count())
                    .as("the server stopped reading instead of holding the body in memory")
                    .isLessThan(64L * 1024 * 1024);
        }
    }

    @Test
    void echoWithAKnownLengthAnswersWithThatLength() throws Exception {
        HttpResponse<String> response = send(Version.HTTP_1_1,
                request("/echo").PUT(BodyPublishers.ofString("hello")));

        assertThat(response.body()).isEqualTo("hello");
        assertThat(response.headers().firstValue("content-length")).hasValue("5");
    }

    @Test
    void echoTakesOnlyPostAndPut() throws Exception {
        HttpResponse<String> response = send(Version.HTTP_1_1, request("/echo"));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("POST, PUT");
    }

    @Test
    void webSocketEchoesTextAndBinary() throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        WebSocket socket = http1.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + backend.address().getPort() + "/ws"), new Collector(received))
                .get(10, TimeUnit.SECONDS);
        byte[] binary = {0, 1, 2, (byte) 0xff};

        socket.sendText("hello", true).get(10, TimeUnit.SECONDS);
        Object text = received.poll(10, TimeUnit.SECONDS);
        socket.sendBinary(ByteBuffer.wrap(binary), true).get(10, TimeUnit.SECONDS);
        Object bytes = received.poll(10, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);

        assertThat(text).isEqualTo("hello");
        assertThat(bytes).isEqualTo(binary);
    }

    @Test
    void webSocketPathWithoutAnUpgradeIsUpgradeRequired() throws Exception {
        assertThat(send(Version.HTTP_1_1, request("/ws")).statusCode()).isEqualTo(426);
        assertThat(send(Version.HTTP_2, request("/ws")).statusCode())
                .as("no WebSocket over HTTP/2 (RFC 8441)")
                .isEqualTo(426);
    }

    @Test
    void http11KeepsTheConnectionForTheNextRequest() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(backend.address())) {
            connection.send("GET /get HTTP/1.1\r\nHost: sample\r\n\r\n");
            RawHttpConnection.Response first = connection.read();
            connection.send("GET /status/201 HTTP/1.1\r\nHost: sample\r\n\r\n");
            RawHttpConnection.Response second = connection.read();

            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).as("answered on the same connection").isEqualTo(201);
            assertThat(second.headers()).containsEntry("x-backend-name", NAME);
        }
    }

    @Test
    void http10ClosesTheConnectionUnlessAskedToKeepIt() throws Exception {
        try (RawHttpConnection plain = new RawHttpConnection(backend.address())) {
            plain.send("GET /get HTTP/1.0\r\n\r\n");
            RawHttpConnection.Response response = plain.read();

            assertThat(response.statusLine()).startsWith("HTTP/1.0 200");
            assertThat(plain.closedByServer()).isTrue();
        }
        try (RawHttpConnection kept = new RawHttpConnection(backend.address())) {
            kept.send("GET /get HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            RawHttpConnection.Response first = kept.read();
            kept.send("GET /ip HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            RawHttpConnection.Response second = kept.read();

            assertThat(first.headers()).containsEntry("connection", "keep-alive");
            assertThat(second.status()).isEqualTo(200);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(backend.address())) {
            connection.send("GET /delay/0.3 HTTP/1.1\r\nHost: sample\r\n\r\n"
                    + "GET /status/202 HTTP/1.1\r\nHost: sample\r\n\r\n");
            RawHttpConnection.Response first = connection.read();
            RawHttpConnection.Response second = connection.read();

            assertThat(first.status()).as("the delayed answer goes first, as it was asked first").isEqualTo(200);
            assertThat(JSON.readTree(first.body()).path("url").asText()).endsWith("/delay/0.3");
            assertThat(second.status()).isEqualTo(202);
        }
    }

    @Test
    void malformedRequestIsRejectedAndTheConnectionClosed() throws Exception {
        try (RawHttpConnection connection = new RawHttpConnection(backend.address())) {
            connection.send("GET /get%zz HTTP/1.1\r\nHost: sample\r\n\r\n");
            RawHttpConnection.Response response = connection.read();

            assertThat(response.status()).isEqualTo(400);
            assertThat(connection.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"HTTP_1_1", "HTTP_2"})
    void unknownPathIsNotFound(Version version) throws Exception {
        assertThat(send(version, request("/nowhere")).statusCode()).isEqualTo(404);
        assertThat(send(version, request("/get/")).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(names = {"HTTP_1_1", "HTTP_2"})
    void headAnnouncesTheLengthWithoutABody(Version version) throws Exception {
        HttpResponse<String> get = send(version, request("/bytes/100"));
        HttpResponse<String> head = send(version, request("/bytes/100").method("HEAD", BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("content-length")).hasValue("100");
        assertThat(head.body()).isEmpty();
        assertThat(get.body()).isNotEmpty();
    }

    @Test
    void bodyTooLargeToGatherIsRejected() throws Exception {
        HttpResponse<String> response = send(Version.HTTP_1_1, request("/anything")
                .POST(BodyPublishers.ofInputStream(() -> uncheckedBody(11L * 1024 * 1024))));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void requestsCountsEveryRequestServed() throws Exception {
        try (SampleBackend counted = SampleBackend.start("counted", new InetSocketAddress("127.0.0.1", 0))) {
            URI get = URI.create("http://127.0.0.1:" + counted.address().getPort() + "/get");
            for (int i = 0; i < 3; i++) {
                http1.send(HttpRequest.newBuilder(get).build(), BodyHandlers.discarding());
            }

            assertThat(counted.requests()).isEqualTo(3);
            assertThat(counted.name()).isEqualTo("counted");
        }
    }

    @Test
    void takenPortFailsWithABindException() {
        InetSocketAddress taken = backend.address();

        assertThatThrownBy(() -> SampleBackend.start("second", taken))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(BindException.class)
                .hasMessageContaining("second")
                .hasMessageContaining(String.valueOf(taken.getPort()));
    }

    @Test
    void sharedGroupOutlivesTheBackend() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            SampleBackend shared = SampleBackend.start("shared", new InetSocketAddress("127.0.0.1", 0), group);
            URI get = URI.create("http://127.0.0.1:" + shared.address().getPort() + "/get");
            int status = http1.send(HttpRequest.newBuilder(get).build(), BodyHandlers.discarding()).statusCode();
            shared.close();

            assertThat(status).isEqualTo(200);
            assertThat(group.isShuttingDown()).as("the caller's group stays the caller's").isFalse();
            try (SampleBackend again = startWithin(Duration.ofSeconds(5), shared.address(), group)) {
                assertThat(again.address()).as("close gave the port back").isEqualTo(shared.address());
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /** Binds {@code address} again, retrying while the kernel finishes releasing it. */
    private static SampleBackend startWithin(Duration limit, InetSocketAddress address, EventLoopGroup group)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return SampleBackend.start("again", address, group);
            } catch (java.io.UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static HttpClient http2ClientWithStreamWindow(int bytes) throws Exception {
        String previous = System.getProperty(STREAM_WINDOW);
        System.setProperty(STREAM_WINDOW, String.valueOf(bytes));
        try {
            HttpClient client = client(Version.HTTP_2);
            HttpResponse<Void> first = client.send(request("/get").build(), BodyHandlers.discarding());
            assertThat(first.version()).as("connection opened (and upgraded) with the window").isEqualTo(Version.HTTP_2);
            return client;
        } finally {
            if (previous == null) {
                System.clearProperty(STREAM_WINDOW);
            } else {
                System.setProperty(STREAM_WINDOW, previous);
            }
        }
    }

    /** Sends {@code POST /echo} with a body of {@code length} from {@code body} on {@code connection}. */
    private static void upload(RawHttpConnection connection, InputStream body, long length) {
        try {
            connection.send("POST /echo HTTP/1.1\r\nHost: sample\r\nContent-Type: application/x-sample\r\n"
                    + "Content-Length: " + length + "\r\n\r\n");
            body.transferTo(connection.output());
            connection.output().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Feeds at most {@code limit} bytes of {@code in} to {@code digest}; returns how many. */
    private static long digest(InputStream in, MessageDigest digest, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        while (total < limit) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total));
            if (n < 0) {
                break;
            }
            digest.update(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private static HttpClient client(Version version) {
        return HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpClient clientFor(Version version) {
        return version == Version.HTTP_2 ? http2 : http1;
    }

    private static HttpResponse<String> send(Version version, HttpRequest.Builder request) throws Exception {
        return clientFor(version).send(request.build(), BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(url(pathAndQuery))).timeout(Duration.ofSeconds(20));
    }

    private static String url(String pathAndQuery) {
        return "http://127.0.0.1:" + backend.address().getPort() + pathAndQuery;
    }

    private static InputStream uncheckedBody(long length) {
        try {
            return new GeneratedBody(length, 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gathers each whole WebSocket message: a String for text, a byte[] for binary. */
    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<Object> messages;
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        Collector(BlockingQueue<Object> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            binary.writeBytes(bytes);
            if (last) {
                messages.add(binary.toByteArray());
                binary.reset();
            }
            socket.request(1);
            return null;
        }
    }
}
