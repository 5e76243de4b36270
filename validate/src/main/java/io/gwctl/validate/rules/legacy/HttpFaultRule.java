package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.HttpFaultInjection;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * A RouteRule's HTTP faults: percentages within 0..100, a fixed delay of at least 1ms in whole
 * milliseconds, an HTTP status within 0..600, and neither an exponential delay nor a gRPC abort, which
 * Istio never supported. Istio 0.8 {@code ValidateHTTPFault}, {@code ValidateDelay},
 * {@code ValidateAbort}, {@code ValidateAbortHTTPStatus}, with their messages (prefix spacing included:
 * "fixedDelay invalid:" was the one prefix without a trailing space). As in 0.8, a delay without a fixed
 * delay fails its fixed-delay check.
 */
final class HttpFaultRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE);
    }

    @Override
    public void check(RuleContext context) {
        HttpFaultInjection fault = context.spec(RouteRuleSpec.class).httpFault();
        if (fault == null) {
            return;
        }
        String path = LegacyPaths.spec(context, "httpFault");
        if (fault.delay() != null) {
            checkDelay(context, path + ".delay", fault.delay());
        }
        if (fault.abort() != null) {
            checkAbort(context, path + ".abort", fault.abort());
        }
    }

    private static void checkDelay(RuleContext context, String path, HttpFaultInjection.Delay delay) {
        Percentages.check(delay.percent()).ifPresent(m -> context.report(LegacyCodes.HTTP_FAULT, path + ".percent",
                "percent invalid:  %s", m));
        String fixed = LegacyPaths.field(context, path, "fixedDelay");
        LegacyDurations.check(delay.fixedDelay()).ifPresent(m -> context.report(LegacyCodes.HTTP_FAULT, fixed,
                "fixedDelay invalid: %s", m));
        if (delay.exponentialDelay() != null) {
            String exponential = LegacyPaths.field(context, path, "exponentialDelay");
            LegacyDurations.check(delay.exponentialDelay()).ifPresent(m -> context.report(LegacyCodes.HTTP_FAULT,
                    exponential, "exponentialDelay invalid:  %s", m));
            context.report(LegacyCodes.HTTP_FAULT, exponential, "exponentialDelay not supported yet");
        }
    }

    private static void checkAbort(RuleContext context, String path, HttpFaultInjection.Abort abort) {
        Percentages.check(abort.percent()).ifPresent(m -> context.report(LegacyCodes.HTTP_FAULT, path + ".percent",
                "percent invalid:  %s", m));
        if (abort.grpcStatus() != null) {
            context.report(LegacyCodes.HTTP_FAULT, LegacyPaths.field(context, path, "grpcStatus"),
                    "gRPC fault injection not supported yet");
        } else if (abort.http2Error() == null && abort.httpStatus() != null
                && (abort.httpStatus() < 0 || abort.httpStatus() > 600)) {
            context.report(LegacyCodes.HTTP_FAULT, LegacyPaths.field(context, path, "httpStatus"),
                    "invalid abort http status %d", abort.httpStatus());
        }
    }
}
