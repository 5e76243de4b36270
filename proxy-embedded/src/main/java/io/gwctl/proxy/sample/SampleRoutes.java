package io.gwctl.proxy.sample;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Maps a request path to what answers it: the httpbin endpoints (postmanlabs/httpbin httpbin/core.py: same paths,
 * same caps, any method) plus {@code /flaky/N}, {@code /echo} and {@code /ws}. Anything else is 404.
 *
 * <pre>
 * /get  /headers  /ip  /anything[/...]   JSON about the request        (HttpbinJson)
 * /status/200  /status/200,503:0.1       that status, empty body       (StatusChoice)
 * /delay/1.5                             /anything JSON after 1.5 s, at most 10 s
 * /bytes/1048576?seed=7                  random bytes, at most 100 MiB (BytesResponder)
 * /stream/20                             20 JSON lines, at most 100
 * /flaky/2?key=k                         503 for the first 2 tries of key k, then 200
 * POST|PUT /echo                         the body back, streamed       (EchoResponder)
 * /ws                                    426 unless it is a WebSocket upgrade (see SampleRequestHandler)
 * </pre>
 */
final class SampleRoutes {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?");
    private static final double MAX_DELAY_SECONDS = 10;
    private static final int MAX_STREAM_LINES = 100;
    private static final String WEBSOCKET_REQUIRED = "/ws takes an HTTP/1.1 WebSocket upgrade\n";

    private SampleRoutes() {
    }

    /** Starts reading the request of {@code exchange} towards the endpoint its path names. */
    static InFlightRequest open(Exchange exchange) {
        if (exchange.target().path().equals("/echo")) {
            HttpMethod method = exchange.request().method();
            if (method.equals(HttpMethod.POST) || method.equals(HttpMethod.PUT)) {
                return EchoResponder.start(exchange);
            }
            return new BufferedRequest(exchange, SampleRoutes::echoMethodNotAllowed);
        }
        return new BufferedRequest(exchange, endpoint(exchange.target().path()));
    }

    private static Endpoint endpoint(String path) {
        return switch (path) {
            case "/get" -> (exchange, body) -> json(exchange, HttpbinJson.forGet(exchange));
            case "/headers" -> (exchange, body) -> json(exchange, HttpbinJson.forHeaders(exchange));
            case "/ip" -> (exchange, body) -> json(exchange, HttpbinJson.forIp(exchange));
            case "/ws" -> SampleRoutes::webSocketRequired;
            default -> path.equals("/anything") || path.startsWith("/anything/")
                    ? (exchange, body) -> json(exchange, HttpbinJson.forAnything(exchange, body))
                    : parameterised(path);
        };
    }

    /** The endpoints whose last path segment is their parameter, e.g. {@code /status/503}. */
    private static Endpoint parameterised(String path) {
        String parameter = lastSegment(path);
        return switch (path.substring(0, path.length() - parameter.length())) {
            case "/status/" -> (exchange, body) -> status(exchange, parameter);
            case "/delay/" -> (exchange, body) -> delay(exchange, body, parameter);
            case "/bytes/" -> (exchange, body) -> bytes(exchange, parameter);
            case "/stream/" -> (exchange, body) -> stream(exchange, parameter);
            case "/flaky/" -> (exchange, body) -> flaky(exchange, parameter);
            default -> SampleRoutes::notFound;
        };
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static PendingResponse json(Exchange exchange, JsonNode json) {
        exchange.respondJson(HttpResponseStatus.OK, json);
        return PendingResponse.NONE;
    }

    private static PendingResponse status(Exchange exchange, String codes) {
        StatusChoice.parse(codes).ifPresentOrElse(
                choice -> exchange.respondEmpty(choice.pick(ThreadLocalRandom.current())),
                () -> exchange.respondText(HttpResponseStatus.BAD_REQUEST, "invalid status code: " + codes));
        return PendingResponse.NONE;
    }

    private static PendingResponse delay(Exchange exchange, ByteBuf body, String seconds) {
        if (!DECIMAL.matcher(seconds).matches()) {
            return badRequest(exchange, "invalid delay: " + seconds);
        }
        double wait = Math.min(Double.parseDouble(seconds), MAX_DELAY_SECONDS);
        FullHttpResponse response = exchange.newResponse(HttpResponseStatus.OK, HttpHeaderValues.APPLICATION_JSON,
                Unpooled.wrappedBuffer(HttpbinJson.pretty(HttpbinJson.forAnything(exchange, body))));
        return DelayedResponse.schedule(exchange.channel(), response, (long) (wait * TimeUnit.SECONDS.toNanos(1)));
    }

    private static PendingResponse bytes(Exchange exchange, String count) {
        String seed = exchange.target().arg("seed", null);
        if (!WHOLE_NUMBER.matcher(count).matches() || seed != null && !WHOLE_NUMBER.matcher(seed).matches()) {
            return badRequest(exchange, "invalid byte count or seed: " + count);
        }
        RandomGenerator random = seed == null ? ThreadLocalRandom.current() : new SplittableRandom(Long.parseLong(seed));
        return BytesResponder.start(exchange, Long.parseLong(count), random);
    }

    /** {@code /stream/N}: at most 100 small lines, written at once (httpbin {@code stream_n_messages}). */
    private static PendingResponse stream(Exchange exchange, String count) {
        if (!WHOLE_NUMBER.matcher(count).matches()) {
            return badRequest(exchange, "invalid line count: " + count);
        }
        int lines = (int) Math.min(Long.parseLong(count), MAX_STREAM_LINES);
        HttpResponse head = exchange.newHead(HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        exchange.setUnknownLength(head);
        Channel channel = exchange.channel();
        channel.write(head);
        for (int id = 0; id < lines && !exchange.isHead(); id++) {
            byte[] line = HttpbinJson.line(HttpbinJson.forStreamLine(exchange, id));
            channel.write(new DefaultHttpContent(Unpooled.wrappedBuffer(line)));
        }
        channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        return PendingResponse.NONE;
    }

    /** {@code /flaky/N?key=K}: the first N attempts of key K fail with 503, later ones succeed. */
    private static PendingResponse flaky(Exchange exchange, String failures) {
        if (!WHOLE_NUMBER.matcher(failures).matches()) {
            return badRequest(exchange, "invalid failure count: " + failures);
        }
        String key = exchange.target().arg("key", "");
        long failing = Long.parseLong(failures);
        long attempt = exchange.backend().flaky().nextAttempt(key);
        HttpResponseStatus status = attempt <= failing ? HttpResponseStatus.SERVICE_UNAVAILABLE : HttpResponseStatus.OK;
        exchange.respondJson(status, HttpbinJson.forFlaky(exchange, key, attempt, failing));
        return PendingResponse.NONE;
    }

    private static PendingResponse echoMethodNotAllowed(Exchange exchange, ByteBuf body) {
        FullHttpResponse response = exchange.newResponse(HttpResponseStatus.METHOD_NOT_ALLOWED, null,
                Unpooled.EMPTY_BUFFER);
        response.headers().set(HttpHeaderNames.ALLOW, "POST, PUT");
        exchange.channel().writeAndFlush(response);
        return PendingResponse.NONE;
    }

    /** {@code /ws} without a WebSocket upgrade, or over HTTP/2 (no RFC 8441 here): 426 (RFC 9110 section 15.5.22). */
    private static PendingResponse webSocketRequired(Exchange exchange, ByteBuf body) {
        FullHttpResponse response = exchange.newResponse(HttpResponseStatus.UPGRADE_REQUIRED,
                HttpHeaderValues.TEXT_PLAIN, Unpooled.copiedBuffer(WEBSOCKET_REQUIRED, StandardCharsets.UTF_8));
        if (!exchange.isHttp2()) {
            response.headers().set(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
        }
        exchange.channel().writeAndFlush(response);
        return PendingResponse.NONE;
    }

    private static PendingResponse notFound(Exchange exchange, ByteBuf body) {
        exchange.respondText(HttpResponseStatus.NOT_FOUND, "no such endpoint: " + exchange.target().path());
        return PendingResponse.NONE;
    }

    private static PendingResponse badRequest(Exchange exchange, String why) {
        exchange.respondText(HttpResponseStatus.BAD_REQUEST, why);
        return PendingResponse.NONE;
    }
}
