package io.gwctl.translate.envoy.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request as it reaches a gateway: what {@link RequestMatcher#trace} follows through the Envoy config.
 *
 * @param scheme  {@code http}, {@code https} (HTTP over TLS), {@code tcp}, or {@code tls} (raw bytes over TLS, as a passthrough client sends)
 * @param port    the port the connection arrives on, which is the listener's port
 * @param sni     the TLS server name; for {@code https} it defaults to the host without its port
 * @param host    the {@code Host}/{@code :authority}, with or without a port; may be null for {@code tcp}
 * @param path    the {@code :path}, query string included; defaults to {@code /}
 * @param method  the method; defaults to {@code GET}
 * @param headers further request headers, names lower-cased, each with its values in order
 */
public record TraceRequest(String scheme, int port, String sni, String host, String path, String method,
        Map<String, List<String>> headers) implements HttpRequestView {

    public TraceRequest {
        scheme = Objects.requireNonNull(scheme, "scheme").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("tcp") && !scheme.equals("tls")) {
            throw new IllegalArgumentException("scheme must be http, https, tcp or tls: " + scheme);
        }
        if (sni == null && (scheme.equals("https") || scheme.equals("tls")) && host != null) {
            sni = Hosts.withoutPort(host);
        }
        path = path == null || path.isEmpty() ? "/" : path;
        method = method == null ? "GET" : method;
        Map<String, List<String>> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                    n -> new ArrayList<>()).addAll(values));
        }
        lower.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(lower);
    }

    /** A request without extra headers, using the default method. */
    public static TraceRequest of(String scheme, int port, String host, String path) {
        return new TraceRequest(scheme, port, null, host, path, null, Map.of());
    }

    /** This request with one more header value. */
    public TraceRequest withHeader(String name, String value) {
        Map<String, List<String>> more = new TreeMap<>(headers);
        List<String> values = new ArrayList<>(more.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
        values.add(value);
        more.put(name.toLowerCase(Locale.ROOT), values);
        return new TraceRequest(scheme, port, sni, host, path, method, more);
    }

    /** This request with another method. */
    public TraceRequest withMethod(String newMethod) {
        return new TraceRequest(scheme, port, sni, host, path, newMethod, headers);
    }

    /** This request with an explicit SNI. */
    public TraceRequest withSni(String newSni) {
        return new TraceRequest(scheme, port, newSni, host, path, method, headers);
    }

    /** Whether the connection starts with a TLS handshake: {@code https}, or {@code tls} (raw bytes over TLS). */
    @Override
    public boolean tls() {
        return scheme.equals("https") || scheme.equals("tls");
    }

    /**
     * The values of a header as Envoy sees them, the pseudo-headers {@code :authority}, {@code :path},
     * {@code :method} and {@code :scheme} included. The name may be given in any case.
     */
    @Override
    public List<String> header(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case ":authority", "host" -> host == null ? List.of() : List.of(host);
            case ":path" -> List.of(path);
            case ":method" -> List.of(method);
            case ":scheme" -> List.of(tls() ? "https" : "http");
            default -> headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        };
    }
}
