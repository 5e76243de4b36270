package io.gwctl.proxy.accesslog;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Envoy's default access log format (envoyproxy/envoy {@code source/common/formatter/substitution_format_string.cc},
 * {@code DEFAULT_FORMAT}):
 * <pre>
 * [%START_TIME%] "%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%" %RESPONSE_CODE% %RESPONSE_FLAGS%
 * %BYTES_RECEIVED% %BYTES_SENT% %DURATION% %RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)% "%REQ(X-FORWARDED-FOR)%"
 * "%REQ(USER-AGENT)%" "%REQ(X-REQUEST-ID)%" "%REQ(:AUTHORITY)%" "%UPSTREAM_HOST%"
 * </pre>
 * on one line; a value that is absent prints as {@code -}.
 */
public final class AccessLogFormat {

    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private AccessLogFormat() {
    }

    public static String format(AccessLogEntry e) {
        StringBuilder line = new StringBuilder(200);
        line.append('[').append(START_TIME.format(e.start())).append("] \"")
                .append(orDash(e.method())).append(' ').append(orDash(e.path())).append(' ')
                .append(orDash(e.protocol())).append("\" ")
                .append(e.status()).append(' ')
                .append(orDash(e.flags())).append(' ')
                .append(e.bytesReceived()).append(' ')
                .append(e.bytesSent()).append(' ')
                .append(e.durationMillis()).append(' ')
                .append(e.upstreamMillis() < 0 ? "-" : Long.toString(e.upstreamMillis())).append(" \"")
                .append(orDash(e.forwardedFor())).append("\" \"")
                .append(orDash(e.userAgent())).append("\" \"")
                .append(orDash(e.requestId())).append("\" \"")
                .append(orDash(e.authority())).append("\" \"")
                .append(orDash(e.upstreamHost())).append('"');
        return line.toString();
    }

    private static String orDash(String value) {
        return value == null || value.isEmpty() ? "-" : value;
    }
}
