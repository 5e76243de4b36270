package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelayExponentialDelay;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPFaultInjectionDelayFixedDelay;
import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.IsHTTPFaultInjectionDelayHttpDelayType;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.Durations;

/**
 * The durations of an HTTP route: {@code timeout}, {@code retries.perTryTimeout}, {@code retries.backoff},
 * {@code fault.delay.fixedDelay}, {@code fault.delay.exponentialDelay} and {@code corsPolicy.maxAge}.
 *
 * <p>Two layers check them. The CRD's CEL rule, {@code duration(self) >= duration('1ms')} with the message
 * "must be a valid duration greater than 1ms", makes the API server reject text that is no Go duration
 * ({@code 5 seconds}); {@code istioctl validate} cannot even decode such text. Istio's
 * {@code agent.ValidateDuration} then wants at least 1ms in whole milliseconds. A duration that parses is
 * reported with Istio's message only (the CEL rule would also reject one below 1ms), so no value gets two
 * findings.
 */
final class DurationRule extends HttpRouteRule {

    @Override
    void checkRoute(RuleContext context, HTTPRoute route, int index, String path) {
        check(context, route.getTimeout(), VirtualServicePaths.field(path, "timeout"));
        if (route.getRetries() != null) {
            String retries = VirtualServicePaths.field(path, "retries");
            check(context, route.getRetries().getPerTryTimeout(), VirtualServicePaths.field(retries, "perTryTimeout"));
            check(context, route.getRetries().getBackoff(), VirtualServicePaths.field(retries, "backoff"));
        }
        if (route.getFault() != null && route.getFault().getDelay() != null) {
            String delay = VirtualServicePaths.field(VirtualServicePaths.field(path, "fault"), "delay");
            IsHTTPFaultInjectionDelayHttpDelayType type = route.getFault().getDelay().getHttpDelayType();
            if (type instanceof HTTPFaultInjectionDelayFixedDelay fixed) {
                check(context, ZeroValues.text(fixed.getFixedDelay()), VirtualServicePaths.field(delay, "fixedDelay"));
            } else if (type instanceof HTTPFaultInjectionDelayExponentialDelay exponential) {
                check(context, ZeroValues.text(exponential.getExponentialDelay()),
                        VirtualServicePaths.field(delay, "exponentialDelay"));
            }
        }
        if (route.getCorsPolicy() != null) {
            check(context, route.getCorsPolicy().getMaxAge(),
                    VirtualServicePaths.field(VirtualServicePaths.field(path, "corsPolicy"), "maxAge"));
        }
    }

    private static void check(RuleContext context, String duration, String path) {
        if (duration == null) {
            return;
        }
        if (Durations.parse(duration).isEmpty()) {
            context.report(VirtualServiceCodes.DURATION_SYNTAX, path, "must be a valid duration greater than 1ms");
            return;
        }
        Durations.check(duration).ifPresent(m -> context.report(VirtualServiceCodes.DURATION, path, m));
    }
}
