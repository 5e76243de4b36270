package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.L4FaultInjection;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * TCP faults were never implemented: Istio 0.8 rejects any {@code l4Fault} ("L4 faults are not
 * implemented") after checking its parts ({@code ValidateL4Fault}, {@code ValidateTerminate},
 * {@code ValidateThrottle}), messages included. As in 0.8, a throttle without
 * {@code throttleAfterPeriod} fails that check even when it throttles after bytes.
 */
final class L4FaultRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE);
    }

    @Override
    public void check(RuleContext context) {
        L4FaultInjection fault = context.spec(RouteRuleSpec.class).l4Fault();
        if (fault == null) {
            return;
        }
        String path = LegacyPaths.spec(context, "l4Fault");
        L4FaultInjection.Terminate terminate = fault.terminate();
        if (terminate != null) {
            Percentages.check(terminate.percent()).ifPresent(m -> context.report(LegacyCodes.L4_FAULT,
                    path + ".terminate.percent", "terminate percent invalid:  %s", m));
            context.report(LegacyCodes.L4_FAULT, path + ".terminate", "the terminate fault not supported yet");
        }
        L4FaultInjection.Throttle throttle = fault.throttle();
        if (throttle != null) {
            checkThrottle(context, path + ".throttle", throttle);
        }
        context.report(LegacyCodes.L4_FAULT, path, "L4 faults are not implemented");
    }

    private static void checkThrottle(RuleContext context, String path, L4FaultInjection.Throttle throttle) {
        Percentages.check(throttle.percent()).ifPresent(m -> context.report(LegacyCodes.L4_FAULT, path + ".percent",
                "throttle percent invalid:  %s", m));
        if (throttle.downstreamLimitBps() < 0) {
            context.report(LegacyCodes.L4_FAULT, LegacyPaths.field(context, path, "downstreamLimitBps"),
                    "downstreamLimitBps invalid");
        }
        if (throttle.upstreamLimitBps() < 0) {
            context.report(LegacyCodes.L4_FAULT, LegacyPaths.field(context, path, "upstreamLimitBps"),
                    "upstreamLimitBps invalid");
        }
        if (LegacyDurations.check(throttle.throttleAfterPeriod()).isPresent()) {
            context.report(LegacyCodes.L4_FAULT, LegacyPaths.field(context, path, "throttleAfterPeriod"),
                    "throttleAfterPeriod invalid");
        }
        if (throttle.throttleAfterBytes() != null && throttle.throttleAfterBytes() < 0) {
            context.report(LegacyCodes.L4_FAULT, LegacyPaths.field(context, path, "throttleAfterBytes"),
                    "throttleAfterBytes invalid");
        }
    }
}
