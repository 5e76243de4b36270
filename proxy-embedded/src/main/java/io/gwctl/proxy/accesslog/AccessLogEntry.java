package io.gwctl.proxy.accesslog;

import java.time.Instant;

/**
 * What Envoy's default access log format prints of one request. Null or empty fields print as {@code -}.
 *
 * @param start          when the request's first byte arrived
 * @param method         {@code :method}
 * @param path           {@code x-envoy-original-path} if the route rewrote the path, else {@code :path}
 * @param protocol       {@code HTTP/1.1} or {@code HTTP/2}
 * @param status         the response code, 0 when none was sent
 * @param flags          Envoy's response flags ({@code NR}, {@code UF,URX}), or empty
 * @param bytesReceived  request body bytes
 * @param bytesSent      response body bytes
 * @param durationMillis from the first byte of the request to the last byte of the response
 * @param upstreamMillis the upstream's {@code x-envoy-upstream-service-time}, or -1
 * @param forwardedFor   {@code x-forwarded-for}
 * @param userAgent      {@code user-agent}
 * @param requestId      {@code x-request-id}
 * @param authority      {@code :authority}
 * @param upstreamHost   the upstream's {@code ip:port}
 */
public record AccessLogEntry(Instant start, String method, String path, String protocol, int status, String flags,
        long bytesReceived, long bytesSent, long durationMillis, long upstreamMillis, String forwardedFor,
        String userAgent, String requestId, String authority, String upstreamHost) {
}
