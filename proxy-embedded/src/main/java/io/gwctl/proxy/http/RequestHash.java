package io.gwctl.proxy.http;

import io.envoyproxy.envoy.config.route.v3.RouteAction;
import io.gwctl.proxy.balance.SourceIpHash;
import io.gwctl.proxy.balance.XxHash64;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.OptionalLong;

/**
 * The hash a request is balanced by on a {@code RING_HASH} or {@code MAGLEV} cluster, from its route's
 * {@code hash_policy}, as envoyproxy/envoy {@code source/common/http/hash_policy.cc} computes it: each policy
 * that yields a value adds its xxHash64 ({@code hash = rotl(hash, 1) ^ value}), a terminal policy that yielded
 * one ends the list.
 *
 * <ul>
 * <li>header: the header's values;</li>
 * <li>cookie: the cookie's value; when the request has none and the policy has a {@code ttl}, the gateway makes
 * one for the connection and hashes that, and the response sets it ({@code name="value"; Max-Age=ttl;
 * Path=path; HttpOnly}, Envoy's {@code addDownstreamSetCookie} in {@code source/common/router/router.cc}), so
 * the client's next requests carry it and reach the same endpoint;</li>
 * <li>connection properties: the client's IP address;</li>
 * <li>query parameter: the parameter's first value.</li>
 * </ul>
 *
 * @param hash      the hash, empty when no policy yielded a value (the balancer then picks at random)
 * @param setCookie a {@code Set-Cookie} value for the response, or null
 */
record RequestHash(OptionalLong hash, String setCookie) {

    static final RequestHash NONE = new RequestHash(OptionalLong.empty(), null);

    static RequestHash of(RouteAction action, HttpRequest request, InetSocketAddress client) {
        if (action.getHashPolicyCount() == 0) {
            return NONE;
        }
        Long hash = null;
        String setCookie = null;
        for (RouteAction.HashPolicy policy : action.getHashPolicyList()) {
            String value = null;
            Long next = null;
            switch (policy.getPolicySpecifierCase()) {
                case HEADER -> {
                    List<String> values = request.headers().getAll(policy.getHeader().getHeaderName());
                    value = values.isEmpty() ? null : String.join("", values);
                }
                case COOKIE -> {
                    RouteAction.HashPolicy.Cookie cookie = policy.getCookie();
                    value = cookie(request.headers(), cookie.getName());
                    if (value == null && cookie.hasTtl()) {
                        value = generatedCookie(client, request);
                        setCookie = setCookie(cookie, value);
                    }
                }
                case CONNECTION_PROPERTIES -> {
                    if (policy.getConnectionProperties().getSourceIp()) {
                        OptionalLong ip = SourceIpHash.of(client);
                        next = ip.isPresent() ? ip.getAsLong() : null;
                    }
                }
                case QUERY_PARAMETER -> {
                    List<String> values = new QueryStringDecoder(request.uri()).parameters()
                            .get(policy.getQueryParameter().getName());
                    value = values == null || values.isEmpty() ? null : values.get(0);
                }
                default -> {
                }
            }
            if (value != null) {
                next = XxHash64.hash(value);
            }
            if (next != null) {
                hash = hash == null ? next : Long.rotateLeft(hash, 1) ^ next;
                if (policy.getTerminal()) {
                    break;
                }
            }
        }
        return new RequestHash(hash == null ? OptionalLong.empty() : OptionalLong.of(hash), setCookie);
    }

    private static String cookie(HttpHeaders headers, String name) {
        for (String header : headers.getAll(HttpHeaderNames.COOKIE)) {
            for (Cookie c : ServerCookieDecoder.LAX.decodeAll(header)) {
                if (c.name().equals(name)) {
                    return c.value();
                }
            }
        }
        return null;
    }

    /** One value per client connection, so concurrent requests of a connection get the same cookie. */
    private static String generatedCookie(InetSocketAddress client, HttpRequest request) {
        String connection = (client == null ? "" : client.toString()) + request.headers().get("host", "");
        return String.format("%016x", XxHash64.hash(connection));
    }

    private static String setCookie(RouteAction.HashPolicy.Cookie cookie, String value) {
        StringBuilder out = new StringBuilder(cookie.getName()).append("=\"").append(value).append('"');
        if (cookie.getTtl().getSeconds() > 0) {
            out.append("; Max-Age=").append(cookie.getTtl().getSeconds());
        }
        if (!cookie.getPath().isEmpty()) {
            out.append("; Path=").append(cookie.getPath());
        }
        return out.append("; HttpOnly").toString();
    }
}
