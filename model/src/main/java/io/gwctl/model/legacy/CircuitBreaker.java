package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * Connection limits and outlier ejection ({@code CircuitBreaker} in dest_policy.proto), a
 * {@code oneof} of a simple policy and a custom one.
 *
 * @param simpleCb the simple policy, or null
 * @param custom   a {@code google.protobuf.Any} custom policy, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CircuitBreaker(
        @JsonAlias("simple_cb") SimpleCircuitBreakerPolicy simpleCb,
        Map<String, Object> custom) {

    public CircuitBreaker {
        custom = custom == null ? null : ProtoDefaults.map(custom);
    }

    /**
     * Envoy's circuit breaker and outlier detection settings in one message.
     *
     * @param maxConnections               most TCP connections to the destination
     * @param httpMaxPendingRequests       most requests waiting for a connection
     * @param httpMaxRequests              most requests in flight (HTTP/2)
     * @param sleepWindow                  how long an ejected host stays out, as written ({@code 3m}), or null
     * @param httpConsecutiveErrors        5xx answers in a row that eject a host
     * @param httpDetectionInterval        how often hosts are scanned for ejection, as written, or null
     * @param httpMaxRequestsPerConnection most requests per connection; 0 for no limit
     * @param httpMaxEjectionPercent       most hosts ejected at once, in percent
     * @param httpMaxRetries               most retries in flight
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SimpleCircuitBreakerPolicy(
            @JsonAlias("max_connections") int maxConnections,
            @JsonAlias("http_max_pending_requests") int httpMaxPendingRequests,
            @JsonAlias("http_max_requests") int httpMaxRequests,
            @JsonAlias("sleep_window") String sleepWindow,
            @JsonAlias("http_consecutive_errors") int httpConsecutiveErrors,
            @JsonAlias("http_detection_interval") String httpDetectionInterval,
            @JsonAlias("http_max_requests_per_connection") int httpMaxRequestsPerConnection,
            @JsonAlias("http_max_ejection_percent") int httpMaxEjectionPercent,
            @JsonAlias("http_max_retries") int httpMaxRetries) {
    }
}
