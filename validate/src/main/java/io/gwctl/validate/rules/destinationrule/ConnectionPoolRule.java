package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsHTTPSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsHTTPSettingsH2UpgradePolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsTCPSettings;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.Map;
import java.util.Set;

/**
 * Connection pool limits are non-negative, a pool sets HTTP or TCP settings, an HTTP/2 keepalive names
 * both its interval and timeout, and a pool that always upgrades to HTTP/2 cannot also keep the client's
 * protocol. Istio: {@code validateConnectionPool} (its durations are checked by {@link DurationRule}).
 */
final class ConnectionPoolRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        for (TrafficPolicies.Settings s : TrafficPolicies.settings(context)) {
            ConnectionPoolSettings pool = s.pool();
            if (pool == null) {
                continue;
            }
            String path = DestinationRulePaths.field(s.path(), "connectionPool");
            if (pool.getHttp() == null && pool.getTcp() == null) {
                context.report(DestinationRuleCodes.CONNECTION_POOL, path,
                        "connection pool must have at least one field");
                continue;
            }
            checkHttp(context, path + ".http", pool.getHttp(), DurationRule.http2KeepAlive(s));
            checkTcp(context, path + ".tcp", pool.getTcp());
        }
    }

    private static void checkHttp(RuleContext context, String path, ConnectionPoolSettingsHTTPSettings http,
            Map<?, ?> keepalive) {
        if (http == null) {
            return;
        }
        nonNegative(context, path + ".http1MaxPendingRequests", http.getHttp1MaxPendingRequests(),
                "http1 max pending requests must be non-negative");
        nonNegative(context, path + ".http2MaxRequests", http.getHttp2MaxRequests(),
                "http2 max requests must be non-negative");
        nonNegative(context, path + ".maxRequestsPerConnection", http.getMaxRequestsPerConnection(),
                "max requests per connection must be non-negative");
        nonNegative(context, path + ".maxRetries", http.getMaxRetries(), "max retries must be non-negative");
        if (http.getH2UpgradePolicy() == ConnectionPoolSettingsHTTPSettingsH2UpgradePolicy.UPGRADE
                && Boolean.TRUE.equals(http.getUseClientProtocol())) {
            context.report(DestinationRuleCodes.CONNECTION_POOL, path + ".useClientProtocol",
                    "use client protocol must not be true when H2UpgradePolicy is UPGRADE");
        }
        nonNegative(context, path + ".maxConcurrentStreams", http.getMaxConcurrentStreams(),
                "max concurrent streams must be non-negative");
        if (keepalive != null) {
            String keepalivePath = path + "." + DurationRule.HTTP2_KEEPALIVE;
            if (keepalive.get("interval") == null) {
                context.report(DestinationRuleCodes.CONNECTION_POOL, keepalivePath,
                        "http2 keepalive interval is required");
            }
            if (keepalive.get("timeout") == null) {
                context.report(DestinationRuleCodes.CONNECTION_POOL, keepalivePath,
                        "http2 keepalive timeout is required");
            }
        }
    }

    private static void checkTcp(RuleContext context, String path, ConnectionPoolSettingsTCPSettings tcp) {
        if (tcp != null) {
            nonNegative(context, path + ".maxConnections", tcp.getMaxConnections(),
                    "max connections must be non-negative");
        }
    }

    private static void nonNegative(RuleContext context, String path, Integer value, String message) {
        if (value != null && value < 0) {
            context.report(DestinationRuleCodes.CONNECTION_POOL, path, message);
        }
    }
}
