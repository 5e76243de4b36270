package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsHTTPSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsTCPSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.Durations;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every duration of a traffic policy is at least 1ms and whole milliseconds. Istio checks these with
 * {@code agent.ValidateDuration} from {@code validateOutlierDetection}, {@code validateConnectionPool} and
 * {@code validateLoadBalancer} ("duration must be greater than 1ms",
 * "only durations to ms precision are supported"); a TCP {@code idleTimeout} under 1ms is skipped, as
 * {@code 0s} turns the timeout off.
 *
 * <p>The CRD's CEL rule {@code duration(self) >= duration('1ms')} covers the same fields, and also
 * {@code loadBalancer.warmupDurationSecs}, which Istio's validator does not check: that one is reported
 * with the API server's message "must be a valid duration greater than 1ms" ({@code GW0430}).
 *
 * <p>The Istio model gwctl binds to predates {@code http2KeepAlive}, so that one is read as written.
 */
final class DurationRule implements ResourceRule {

    static final String HTTP2_KEEPALIVE = "http2KeepAlive";
    private static final Duration ONE_MS = Duration.ofMillis(1);

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        for (TrafficPolicies.Settings s : TrafficPolicies.settings(context)) {
            checkOutlier(context, s.path() + ".outlierDetection", s.outlier());
            if (s.pool() != null) {
                checkHttp(context, s.path() + ".connectionPool.http", s.pool().getHttp(), http2KeepAlive(s));
                checkTcp(context, s.path() + ".connectionPool.tcp", s.pool().getTcp());
            }
            checkLoadBalancer(context, s.path() + ".loadBalancer", s.loadBalancer());
        }
    }

    /** {@code connectionPool.http.http2KeepAlive} of {@code settings} as written, or null. */
    static Map<?, ?> http2KeepAlive(TrafficPolicies.Settings settings) {
        return settings.written("connectionPool", "http").get(HTTP2_KEEPALIVE) instanceof Map<?, ?> m ? m : null;
    }

    private static void checkOutlier(RuleContext context, String path, OutlierDetection outlier) {
        if (outlier != null) {
            istio(context, path + ".baseEjectionTime", outlier.getBaseEjectionTime());
            istio(context, path + ".interval", outlier.getInterval());
        }
    }

    private static void checkHttp(RuleContext context, String path, ConnectionPoolSettingsHTTPSettings http,
            Map<?, ?> keepalive) {
        if (http == null) {
            return;
        }
        istio(context, path + ".idleTimeout", http.getIdleTimeout());
        if (keepalive != null) {
            for (String field : new String[] {"interval", "timeout"}) {
                if (keepalive.get(field) instanceof String value) {
                    istio(context, path + "." + HTTP2_KEEPALIVE + "." + field, value);
                }
            }
        }
    }

    private static void checkTcp(RuleContext context, String path, ConnectionPoolSettingsTCPSettings tcp) {
        if (tcp == null) {
            return;
        }
        istio(context, path + ".connectTimeout", tcp.getConnectTimeout());
        istio(context, path + ".maxConnectionDuration", tcp.getMaxConnectionDuration());
        String idle = tcp.getIdleTimeout();
        boolean disabled = idle != null && Durations.parse(idle).map(d -> d.abs().compareTo(ONE_MS) < 0).orElse(false);
        if (!disabled) {
            istio(context, path + ".idleTimeout", idle);
        }
        if (tcp.getTcpKeepalive() != null) {
            istio(context, path + ".tcpKeepalive.time", tcp.getTcpKeepalive().getTime());
            istio(context, path + ".tcpKeepalive.interval", tcp.getTcpKeepalive().getInterval());
        }
    }

    private static void checkLoadBalancer(RuleContext context, String path, LoadBalancerSettings lb) {
        if (lb == null) {
            return;
        }
        if (lb.getWarmup() != null) {
            istio(context, path + ".warmup.duration", lb.getWarmup().getDuration());
        }
        String warmupSecs = lb.getWarmupDurationSecs();
        if (warmupSecs != null && Durations.parse(warmupSecs).map(d -> d.compareTo(ONE_MS) < 0).orElse(true)) {
            context.report(DestinationRuleCodes.CEL_DURATION, path + ".warmupDurationSecs",
                    "must be a valid duration greater than 1ms");
        }
    }

    private static void istio(RuleContext context, String path, String value) {
        if (value == null) {
            return;
        }
        Optional<String> problem = Durations.check(value);
        problem.ifPresent(message -> context.report(DestinationRuleCodes.DURATION, path, message));
    }
}
