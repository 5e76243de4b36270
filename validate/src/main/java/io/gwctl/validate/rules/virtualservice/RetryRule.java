package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRetry;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * A retry policy: attempts not negative, nothing else configured when attempts is 0 (retries disabled), and
 * every comma-separated {@code retryOn} entry an Envoy retry condition ({@code 5xx}, {@code connect-failure},
 * gRPC {@code unavailable}…) or an HTTP status code Go knows. Istio {@code agent.ValidateHTTPRetry};
 * {@code perTryTimeout} and {@code backoff} are checked by {@link DurationRule}.
 */
final class RetryRule extends HttpRouteRule {

    /** Envoy's {@code x-envoy-retry-on} and {@code x-envoy-retry-grpc-on} conditions. */
    private static final Set<String> RETRY_ON = Set.of("5xx", "gateway-error", "reset", "reset-before-request",
            "connect-failure", "retriable-4xx", "refused-stream", "retriable-status-codes", "retriable-headers",
            "envoy-ratelimited", "http3-post-connect-failure", "cancelled", "deadline-exceeded", "internal",
            "resource-exhausted", "unavailable");
    /** The status codes Go's {@code net/http.StatusText} names. */
    private static final Set<Integer> HTTP_STATUSES = Set.of(100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207,
            208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411,
            412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504,
            505, 506, 507, 508, 510, 511);

    @Override
    void checkRoute(RuleContext context, HTTPRoute route, int index, String path) {
        if (route.getRetries() != null) {
            check(context, route.getRetries(), VirtualServicePaths.field(path, "retries"));
        }
    }

    private static void check(RuleContext context, HTTPRetry retries, String path) {
        long attempts = ZeroValues.number(retries.getAttempts());
        String retryOn = ZeroValues.text(retries.getRetryOn());
        if (attempts < 0) {
            context.report(VirtualServiceCodes.RETRY, VirtualServicePaths.field(path, "attempts"),
                    "attempts cannot be negative");
        }
        if (attempts == 0 && (retries.getPerTryTimeout() != null || !retryOn.isEmpty()
                || retries.getRetryRemoteLocalities() != null)) {
            context.report(VirtualServiceCodes.RETRY, path,
                    "http retry policy configured when attempts are set to 0 (disabled)");
        }
        if (retryOn.isEmpty()) {
            return;
        }
        for (String policy : retryOn.split(",", -1)) {
            if (!HTTP_STATUSES.contains(atoi(policy)) && !RETRY_ON.contains(policy)) {
                context.report(VirtualServiceCodes.RETRY, VirtualServicePaths.field(path, "retryOn"),
                        GoFormat.quote(policy) + " is not a valid retryOn policy");
            }
        }
    }

    /** Go's {@code strconv.Atoi} as Istio uses it: the number, or 0 when the text is not a decimal int. */
    private static int atoi(String text) {
        String digits = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        int value = Integer.parseInt(digits);
        return text.startsWith("-") ? -value : value;
    }
}
