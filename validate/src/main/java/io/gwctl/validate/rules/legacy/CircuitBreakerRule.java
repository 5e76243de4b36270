package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.CircuitBreaker;
import io.gwctl.model.legacy.DestinationPolicySpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * A DestinationPolicy's simple circuit breaker: limits are not negative, the sleep window and detection
 * interval are set durations of at least 1ms in whole milliseconds, and the ejection percentage is within
 * 0..100. Istio 0.8 {@code ValidateCircuitBreaker}, messages verbatim, including "circuitBreak
 * maxConnections" and the duration messages that say "must be in range [0..]". As in 0.8, a simple
 * circuit breaker without {@code sleepWindow} or {@code httpDetectionInterval} fails.
 */
final class CircuitBreakerRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_POLICY);
    }

    @Override
    public void check(RuleContext context) {
        CircuitBreaker cb = context.spec(DestinationPolicySpec.class).circuitBreaker();
        if (cb == null || cb.simpleCb() == null) {
            return;
        }
        CircuitBreaker.SimpleCircuitBreakerPolicy simple = cb.simpleCb();
        String path = LegacyPaths.field(context, LegacyPaths.spec(context, "circuitBreaker"), "simpleCb");
        negative(context, path, "maxConnections", simple.maxConnections(),
                "circuitBreak maxConnections must be in range [0..]");
        negative(context, path, "httpMaxPendingRequests", simple.httpMaxPendingRequests(),
                "circuitBreaker maxPendingRequests must be in range [0..]");
        negative(context, path, "httpMaxRequests", simple.httpMaxRequests(),
                "circuitBreaker maxRequests must be in range [0..]");
        if (LegacyDurations.check(simple.sleepWindow()).isPresent()) {
            context.report(LegacyCodes.CIRCUIT_BREAKER, LegacyPaths.field(context, path, "sleepWindow"),
                    "circuitBreaker sleepWindow must be in range [0..]");
        }
        negative(context, path, "httpConsecutiveErrors", simple.httpConsecutiveErrors(),
                "circuitBreaker httpConsecutiveErrors must be in range [0..]");
        if (LegacyDurations.check(simple.httpDetectionInterval()).isPresent()) {
            context.report(LegacyCodes.CIRCUIT_BREAKER, LegacyPaths.field(context, path, "httpDetectionInterval"),
                    "circuitBreaker httpDetectionInterval must be in range [0..]");
        }
        negative(context, path, "httpMaxRequestsPerConnection", simple.httpMaxRequestsPerConnection(),
                "circuitBreaker httpMaxRequestsPerConnection must be in range [0..]");
        Percentages.check(simple.httpMaxEjectionPercent()).ifPresent(m -> context.report(LegacyCodes.CIRCUIT_BREAKER,
                LegacyPaths.field(context, path, "httpMaxEjectionPercent"),
                "circuitBreaker httpMaxEjectionPercent invalid:  %s", m));
    }

    private static void negative(RuleContext context, String parent, String field, int value, String message) {
        if (value < 0) {
            context.report(LegacyCodes.CIRCUIT_BREAKER, LegacyPaths.field(context, parent, field), message);
        }
    }
}
