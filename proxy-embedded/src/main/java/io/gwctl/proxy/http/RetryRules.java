package io.gwctl.proxy.http;

import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A route's {@code retry_policy} as Envoy evaluates it (envoyproxy/envoy {@code source/common/router/retry_state_impl.cc}):
 * which outcomes are retried, how many times, and the jittered exponential back-off between tries (base
 * 25 ms, at most ten times that, unless the policy says otherwise).
 */
final class RetryRules {

    private static final ConcurrentHashMap<RetryPolicy, RetryRules> CACHE = new ConcurrentHashMap<>();
    static final RetryRules NONE = new RetryRules(RetryPolicy.getDefaultInstance());

    private final Set<String> on = new HashSet<>();
    private final Set<Integer> statuses = new HashSet<>();
    private final int retries;
    private final long perTryTimeoutMillis;
    private final long baseMillis;
    private final long maxMillis;
    private final boolean on5xx;
    private final boolean gatewayError;
    private final boolean retriable4xx;
    private final boolean retriableCodes;

    private RetryRules(RetryPolicy policy) {
        for (String condition : policy.getRetryOn().split(",")) {
            if (!condition.isBlank()) {
                on.add(condition.trim().toLowerCase(Locale.ROOT));
            }
        }
        statuses.addAll(policy.getRetriableStatusCodesList());
        // Read once: every response is checked against them.
        this.on5xx = on.contains("5xx");
        this.gatewayError = on.contains("gateway-error");
        this.retriable4xx = on.contains("retriable-4xx");
        this.retriableCodes = on.contains("retriable-status-codes");
        this.retries = on.isEmpty() ? 0 : policy.hasNumRetries() ? policy.getNumRetries().getValue() : 1;
        this.perTryTimeoutMillis = policy.hasPerTryTimeout() ? millis(policy.getPerTryTimeout()) : 0;
        this.baseMillis = policy.getRetryBackOff().hasBaseInterval()
                ? Math.max(1, millis(policy.getRetryBackOff().getBaseInterval())) : 25;
        this.maxMillis = policy.getRetryBackOff().hasMaxInterval()
                ? millis(policy.getRetryBackOff().getMaxInterval()) : baseMillis * 10;
    }

    static RetryRules of(RetryPolicy policy) {
        return CACHE.computeIfAbsent(policy, RetryRules::new);
    }

    int retries() {
        return retries;
    }

    long perTryTimeoutMillis() {
        return perTryTimeoutMillis;
    }

    /** Whether a response with this status (and gRPC status, or -1) is retried. */
    boolean retriesStatus(int status, int grpcStatus) {
        if (status >= 500 && on5xx || gatewayError && (status == 502 || status == 503 || status == 504)
                || retriable4xx && status == 409 || retriableCodes && statuses.contains(status)) {
            return true;
        }
        return switch (grpcStatus) {
            case 1 -> on.contains("cancelled");
            case 4 -> on.contains("deadline-exceeded");
            case 8 -> on.contains("resource-exhausted");
            case 13 -> on.contains("internal");
            case 14 -> on.contains("unavailable");
            default -> false;
        };
    }

    /** Whether a failed connection attempt is retried. */
    boolean retriesConnectFailure() {
        return on.contains("connect-failure") || on5xx || gatewayError || on.contains("reset");
    }

    /** Whether a connection closed before the response headers is retried. */
    boolean retriesReset() {
        return on.contains("reset") || on5xx;
    }

    /** Whether a per-try timeout is retried. */
    boolean retriesPerTryTimeout() {
        return on5xx || gatewayError || on.contains("reset");
    }

    /** The wait before retry number {@code retry} (1-based): uniform in [0, base * (2^retry - 1)], capped. */
    long backOffMillis(int retry) {
        long ceiling = Math.min(maxMillis, baseMillis * ((1L << Math.min(retry, 20)) - 1));
        return ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    private static long millis(com.google.protobuf.Duration d) {
        return d.getSeconds() * 1000 + d.getNanos() / 1_000_000;
    }
}
