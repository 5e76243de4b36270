package io.gwctl.proxy.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http2.HttpConversionUtil.ExtensionHeaderNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON bodies of the httpbin endpoints, field for field as postmanlabs/httpbin httpbin/helpers.py
 * {@code get_dict} builds them, plus {@code "backend"}: the name of the backend that answered.
 *
 * <p>Two deliberate differences: header names are kept as the client sent them (httpbin title-cases them), and
 * proxy headers such as {@code x-forwarded-for} are shown rather than hidden, since a gateway test wants to see
 * exactly what the gateway forwarded. Request bodies are reported as UTF-8 text in {@code "data"}.
 */
final class HttpbinJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader STRICT_READER = JSON.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Headers the HTTP/2-to-HTTP/1 conversion adds to a request; no client sent them. */
    private static final Set<String> CONVERSION_HEADERS = Arrays.stream(ExtensionHeaderNames.values())
            .map(name -> name.text().toString())
            .collect(Collectors.toUnmodifiableSet());

    private HttpbinJson() {
    }

    /** {@code /get}: args, headers, origin, url. */
    static ObjectNode forGet(Exchange exchange) {
        ObjectNode json = JSON.createObjectNode();
        json.set("args", args(exchange.target().args()));
        json.set("headers", headersOf(exchange));
        json.put("origin", exchange.origin());
        json.put("url", exchange.url());
        return withBackend(json, exchange);
    }

    /** {@code /headers}. */
    static ObjectNode forHeaders(Exchange exchange) {
        ObjectNode json = JSON.createObjectNode();
        json.set("headers", headersOf(exchange));
        return withBackend(json, exchange);
    }

    /** {@code /ip}. */
    static ObjectNode forIp(Exchange exchange) {
        ObjectNode json = JSON.createObjectNode();
        json.put("origin", exchange.origin());
        return withBackend(json, exchange);
    }

    /** {@code /anything} and {@code /delay/N}: everything about the request, {@code body} included. */
    static ObjectNode forAnything(Exchange exchange, ByteBuf body) {
        ObjectNode json = JSON.createObjectNode();
        json.set("args", args(exchange.target().args()));
        String data = body.toString(StandardCharsets.UTF_8);
        json.put("data", data);
        json.set("form", form(exchange, data));
        json.set("headers", headersOf(exchange));
        json.set("json", parseJson(body));
        json.put("method", exchange.request().method().name());
        json.put("origin", exchange.origin());
        json.put("path", exchange.target().path());
        json.put("url", exchange.url());
        return withBackend(json, exchange);
    }

    /** Line {@code id} of {@code /stream/N}: the {@code /get} body plus its number. */
    static ObjectNode forStreamLine(Exchange exchange, int id) {
        ObjectNode json = forGet(exchange);
        json.put("id", id);
        return json;
    }

    /** {@code /flaky/N}: which attempt this was for the key, and how many fail. */
    static ObjectNode forFlaky(Exchange exchange, String key, long attempt, long failures) {
        ObjectNode json = JSON.createObjectNode();
        json.put("key", key);
        json.put("attempt", attempt);
        json.put("failures", failures);
        return withBackend(json, exchange);
    }

    /** {@code json} indented as httpbin prints it, ending in a newline. */
    static byte[] pretty(JsonNode json) {
        return (json.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code json} on one line, ending in a newline: one line of {@code /stream/N}. */
    static byte[] line(JsonNode json) {
        try {
            return (JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode withBackend(ObjectNode json, Exchange exchange) {
        json.put("backend", exchange.backend().name());
        return json;
    }

    /** A single value as a string, repeated ones as a list (httpbin {@code semiflatten}). */
    private static ObjectNode args(Map<String, List<String>> args) {
        ObjectNode json = JSON.createObjectNode();
        args.forEach((name, values) -> {
            if (values.size() == 1) {
                json.put(name, values.get(0));
            } else {
                ArrayNode list = json.putArray(name);
                values.forEach(list::add);
            }
        });
        return json;
    }

    private static ObjectNode headersOf(Exchange exchange) {
        ObjectNode json = JSON.createObjectNode();
        headerMap(exchange).forEach(json::put);
        return json;
    }

    /** The request headers by name as received, repeated ones joined with ", ". */
    private static Map<String, String> headerMap(Exchange exchange) {
        HttpHeaders headers = exchange.request().headers();
        Map<String, String> joined = new LinkedHashMap<>();
        headers.iteratorAsString().forEachRemaining(header -> {
            if (!(exchange.isHttp2() && CONVERSION_HEADERS.contains(header.getKey()))) {
                joined.merge(header.getKey(), header.getValue(), (a, b) -> a + ", " + b);
            }
        });
        return joined;
    }

    private static ObjectNode form(Exchange exchange, String data) {
        String type = exchange.request().headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        if (!type.regionMatches(true, 0, HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED.toString(), 0,
                HttpHeaderValues.APPLICATION_X_WWW_FORM_URLENCODED.length())) {
            return JSON.createObjectNode();
        }
        try {
            return args(new QueryStringDecoder(data, StandardCharsets.UTF_8, false).parameters());
        } catch (IllegalArgumentException malformed) {
            return JSON.createObjectNode();
        }
    }

    /** The body parsed as JSON, or null when it is empty or not JSON (httpbin's {@code "json": null}). */
    private static JsonNode parseJson(ByteBuf body) {
        if (!body.isReadable()) {
            return NullNode.getInstance();
        }
        try (InputStream in = new ByteBufInputStream(body.duplicate())) {
            JsonNode json = STRICT_READER.readTree(in);
            return json == null || json.isMissingNode() ? NullNode.getInstance() : json;
        } catch (IOException notJson) {
            return NullNode.getInstance();
        }
    }
}
