package io.gwctl.validate.rules.legacy;

import io.gwctl.model.legacy.HttpRetry;
import io.gwctl.model.legacy.HttpTimeout;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Set;

/**
 * A RouteRule's simple timeout and simple retry policy: durations are set, at least 1ms and whole
 * milliseconds, and attempts are not negative. Istio 0.8 {@code ValidateHTTPTimeout} and
 * {@code ValidateHTTPRetries}: "httpTimeout invalid:  …", "attempts must be in range [0..]",
 * "perTryTimeout invalid:  …" (two spaces, as Istio printed them). A simple policy without its duration
 * fails, as it did in 0.8 ("duration: nil Duration").
 */
final class TimeoutRetryRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.ROUTE_RULE);
    }

    @Override
    public void check(RuleContext context) {
        RouteRuleSpec spec = context.spec(RouteRuleSpec.class);
        HttpTimeout timeout = spec.httpReqTimeout();
        if (timeout != null && timeout.simpleTimeout() != null) {
            String path = LegacyPaths.field(context, LegacyPaths.spec(context, "httpReqTimeout"), "simpleTimeout");
            LegacyDurations.check(timeout.simpleTimeout().timeout()).ifPresent(m -> context.report(
                    LegacyCodes.TIMEOUT_RETRY, path + ".timeout", "httpTimeout invalid:  %s", m));
        }
        HttpRetry retry = spec.httpReqRetries();
        if (retry != null && retry.simpleRetry() != null) {
            String path = LegacyPaths.field(context, LegacyPaths.spec(context, "httpReqRetries"), "simpleRetry");
            if (retry.simpleRetry().attempts() < 0) {
                context.report(LegacyCodes.TIMEOUT_RETRY, path + ".attempts", "attempts must be in range [0..]");
            }
            String perTry = LegacyPaths.field(context, path, "perTryTimeout");
            LegacyDurations.check(retry.simpleRetry().perTryTimeout()).ifPresent(m -> context.report(
                    LegacyCodes.TIMEOUT_RETRY, perTry, "perTryTimeout invalid:  %s", m));
        }
    }
}
