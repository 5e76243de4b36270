package io.gwctl.translate.legacy;

import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsHTTPSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsHTTPSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettingsTCPSettingsBuilder;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimple;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsSimpleLB;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.gwctl.model.legacy.CircuitBreaker;
import io.gwctl.model.legacy.DestinationPolicySpec;
import io.gwctl.model.resource.Resource;

/**
 * Turns a DestinationPolicy's load balancing and circuit breaker into a {@code trafficPolicy}, following
 * istioctl's {@code convertDestinationPolicy} (istioctl/pkg/convert/destination.go, final revision, with
 * the flat {@code outlierDetection}). {@code httpConsecutiveErrors} counted 5xx answers, which is
 * {@code consecutive5xxErrors} (istioctl wrote the deprecated {@code consecutiveErrors}).
 */
final class PolicyConversion {

    private PolicyConversion() {
    }

    /** The traffic policy of {@code spec}, or null when it sets none. */
    static TrafficPolicy trafficPolicy(Resource from, DestinationPolicySpec spec, LegacyNotes notes) {
        TrafficPolicy policy = new TrafficPolicy();
        boolean any = false;
        if (spec.loadBalancing() != null) {
            if (spec.loadBalancing().name() != null) {
                LoadBalancerSettings lb = new LoadBalancerSettings();
                lb.setLbPolicy(new LoadBalancerSettingsSimple(
                        LoadBalancerSettingsSimpleLB.valueOf(spec.loadBalancing().name().name())));
                policy.setLoadBalancer(lb);
                any = true;
            }
            if (spec.loadBalancing().custom() != null) {
                notes.warn(from, "spec.loadBalancing.custom", "custom load balancing is not supported: dropped");
            }
        }
        CircuitBreaker cb = spec.circuitBreaker();
        if (cb != null) {
            if (cb.custom() != null) {
                notes.warn(from, "spec.circuitBreaker.custom",
                        "custom circuit breaker policies are not supported: dropped");
            }
            if (cb.simpleCb() != null) {
                any |= circuitBreaker(from, cb.simpleCb(), policy, notes);
            }
        }
        if (spec.source() != null) {
            notes.warn(from, "spec.source", "policies per source are not supported: applied to every source");
        }
        if (spec.custom() != null) {
            notes.warn(from, "spec.custom", "custom destination policies are not supported: dropped");
        }
        return any ? policy : null;
    }

    private static boolean circuitBreaker(Resource from, CircuitBreaker.SimpleCircuitBreakerPolicy cb,
            TrafficPolicy policy, LegacyNotes notes) {
        String field = "spec.circuitBreaker.simpleCb";
        ConnectionPoolSettingsHTTPSettings http = new ConnectionPoolSettingsHTTPSettingsBuilder()
                .withHttp2MaxRequests(positive(cb.httpMaxRequests()))
                .withHttp1MaxPendingRequests(positive(cb.httpMaxPendingRequests()))
                .withMaxRequestsPerConnection(positive(cb.httpMaxRequestsPerConnection()))
                .withMaxRetries(positive(cb.httpMaxRetries()))
                .build();
        boolean hasHttp = http.getHttp2MaxRequests() != null || http.getHttp1MaxPendingRequests() != null
                || http.getMaxRequestsPerConnection() != null || http.getMaxRetries() != null;
        Integer maxConnections = positive(cb.maxConnections());
        if (hasHttp || maxConnections != null) {
            policy.setConnectionPool(new ConnectionPoolSettings(hasHttp ? http : null, maxConnections == null ? null
                    : new ConnectionPoolSettingsTCPSettingsBuilder().withMaxConnections(maxConnections).build()));
        }
        OutlierDetection od = new OutlierDetection();
        od.setInterval(duration(from, cb.httpDetectionInterval(), field + ".httpDetectionInterval", notes));
        od.setBaseEjectionTime(duration(from, cb.sleepWindow(), field + ".sleepWindow", notes));
        od.setConsecutive5xxErrors(positive(cb.httpConsecutiveErrors()));
        od.setMaxEjectionPercent(positive(cb.httpMaxEjectionPercent()));
        boolean hasOutlier = od.getInterval() != null || od.getBaseEjectionTime() != null
                || od.getConsecutive5xxErrors() != null || od.getMaxEjectionPercent() != null;
        if (hasOutlier) {
            policy.setOutlierDetection(od);
        }
        return hasHttp || maxConnections != null || hasOutlier;
    }

    private static String duration(Resource from, String text, String field, LegacyNotes notes) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        var out = ProtoDurations.seconds(text);
        if (out.isEmpty()) {
            notes.warn(from, field, "\"" + text + "\" is not a duration: dropped");
        }
        return out.orElse(null);
    }

    private static Integer positive(int value) {
        return value > 0 ? value : null;
    }
}
