package io.gwctl.proxy.http;

import io.gwctl.proxy.runtime.ConnectionManager;
import io.gwctl.proxy.tls.TlsSession;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http2.HttpConversionUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The header changes Envoy's connection manager makes on the way in and out, as an edge proxy
 * ({@code use_remote_address}) does: envoyproxy/envoy {@code source/common/http/conn_manager_utility.cc}
 * ({@code mutateRequestHeaders}, {@code mutateResponseHeaders}) and the hop-by-hop headers of RFC 9110
 * section 7.6.1.
 */
final class EdgeHeaders {

    private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaderNames.CONNECTION,
            HttpHeaderNames.KEEP_ALIVE, HttpHeaderNames.PROXY_CONNECTION, HttpHeaderNames.PROXY_AUTHENTICATE,
            HttpHeaderNames.PROXY_AUTHORIZATION, HttpHeaderNames.UPGRADE, HttpHeaderNames.TRAILER);

    private EdgeHeaders() {
    }

    /**
     * Removes the hop-by-hop headers, and those the {@code Connection} header names. {@code Transfer-Encoding}
     * stays: it is the framing the codec writes the body with. {@code TE} keeps only {@code trailers}.
     */
    static void removeHopByHop(HttpHeaders headers) {
        List<String> named = new ArrayList<>();
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                String name = token.trim().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.equals("close") && !name.equals("keep-alive")) {
                    named.add(name);
                }
            }
        }
        for (CharSequence name : HOP_BY_HOP) {
            headers.remove(name);
        }
        named.forEach(headers::remove);
        for (HttpConversionUtil.ExtensionHeaderNames extension : HttpConversionUtil.ExtensionHeaderNames.values()) {
            // Netty's HTTP/2 conversion notes stream ids and schemes in headers of its own: none is the client's.
            headers.remove(extension.text());
        }
        String te = headers.get(HttpHeaderNames.TE);
        if (te != null) {
            headers.remove(HttpHeaderNames.TE);
            if (te.toLowerCase(Locale.ROOT).contains("trailers")) {
                headers.set(HttpHeaderNames.TE, "trailers");
            }
        }
    }

    /** A random (version 4) UUID; {@link UUID#randomUUID} would draw on a shared secure random per request. */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000L << 48) | 0x8000L << 48;
        return new UUID(high, low).toString();
    }

    /**
     * {@code x-forwarded-for} gets the peer's address appended, {@code x-forwarded-proto} the scheme the
     * request arrived with, {@code x-request-id} a new UUID when absent (or when an external request brings
     * one and {@code preserve_external_request_id} is off), {@code x-forwarded-client-cert} as
     * {@link ForwardedClientCert} says; internal requests are marked
     * {@code x-envoy-internal: true}, and external ones lose any {@code x-envoy-*} header they brought.
     */
    static void request(HttpHeaders headers, ConnectionManager cm, InetSocketAddress remote, TlsSession session) {
        boolean tls = session != null;
        boolean internal = true;
        if (cm.useRemoteAddress()) {
            InetAddress peer = remote == null ? null : remote.getAddress();
            String ip = peer == null ? null : peer.getHostAddress();
            if (ip != null) {
                String xff = headers.get("x-forwarded-for");
                headers.set("x-forwarded-for", xff == null || xff.isEmpty() ? ip : xff + "," + ip);
            }
            internal = peer != null && (peer.isLoopbackAddress() || peer.isSiteLocalAddress());
            headers.set("x-forwarded-proto", tls ? "https" : "http");
            if (internal) {
                headers.set("x-envoy-internal", "true");
            } else {
                List<String> envoy = new ArrayList<>();
                headers.names().forEach(n -> {
                    if (n.toLowerCase(Locale.ROOT).startsWith("x-envoy-")) {
                        envoy.add(n);
                    }
                });
                envoy.forEach(headers::remove);
                if (ip != null) {
                    headers.set("x-envoy-external-address", ip);
                }
            }
        } else if (!headers.contains("x-forwarded-proto")) {
            headers.set("x-forwarded-proto", tls ? "https" : "http");
        }
        ForwardedClientCert.apply(headers, cm.proto(), session);
        if (cm.generateRequestId()) {
            boolean regenerate = !internal && !cm.preserveExternalRequestId();
            if (regenerate || !headers.contains("x-request-id")) {
                headers.set("x-request-id", requestId());
            }
        }
    }
}
