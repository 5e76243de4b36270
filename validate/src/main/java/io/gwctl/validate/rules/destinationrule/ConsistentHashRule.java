package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHash;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLB;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHTTPCookieAttribute;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHTTPCookie_;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBHttpCookie;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettingsConsistentHashLBMaglev;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Consistent-hash load balancing: a hashing cookie needs a name and uniquely named attributes; the
 * deprecated {@code minimumRingSize} (a warning) excludes {@code ringHash}/{@code maglev}; a Maglev table
 * size is set, below 5000011 and prime (Envoy requires it). Istio: {@code validateLoadBalancer}, whose
 * {@code isPrime} is Envoy's.
 */
final class ConsistentHashRule implements ResourceRule {

    private static final long MAGLEV_MAX_TABLE = 5_000_011L;

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.DESTINATION_RULE);
    }

    @Override
    public void check(RuleContext context) {
        for (TrafficPolicies.Settings s : TrafficPolicies.settings(context)) {
            LoadBalancerSettings lb = s.loadBalancer();
            if (lb != null && lb.getLbPolicy() instanceof LoadBalancerSettingsConsistentHash policy
                    && policy.getConsistentHash() != null) {
                check(context, DestinationRulePaths.field(s.path(), "loadBalancer.consistentHash"),
                        policy.getConsistentHash());
            }
        }
    }

    private static void check(RuleContext context, String path, LoadBalancerSettingsConsistentHashLB hash) {
        if (hash.getHashKey() instanceof LoadBalancerSettingsConsistentHashLBHttpCookie key
                && key.getHttpCookie() != null) {
            checkCookie(context, path + ".httpCookie", key.getHttpCookie());
        }
        long ringSize = hash.getMinimumRingSize() == null ? 0 : hash.getMinimumRingSize();
        if (ringSize != 0) {
            context.report(DestinationRuleCodes.MINIMUM_RING_SIZE, path + ".minimumRingSize",
                    "consistent hash MinimumRingSize is deprecated, use ConsistentHashLB's RingHash "
                            + "configuration instead");
            if (hash.getHashAlgorithm() != null) {
                context.report(DestinationRuleCodes.CONSISTENT_HASH, path + ".minimumRingSize",
                        "only one of MinimumRingSize or Maglev/Ringhash can be specified");
            }
        }
        if (hash.getHashAlgorithm() instanceof LoadBalancerSettingsConsistentHashLBMaglev maglev
                && maglev.getMaglev() != null) {
            Long size = maglev.getMaglev().getTableSize();
            long tableSize = size == null ? 0 : size;
            String at = path + ".maglev.tableSize";
            if (tableSize == 0) {
                context.report(DestinationRuleCodes.CONSISTENT_HASH, at, "tableSize must be set for maglev");
            }
            if (tableSize >= MAGLEV_MAX_TABLE) {
                context.report(DestinationRuleCodes.CONSISTENT_HASH, at,
                        "tableSize must be less than 5000011 for maglev");
            }
            if (!isPrime(tableSize)) {
                context.report(DestinationRuleCodes.CONSISTENT_HASH, at, "tableSize must be a prime number for maglev");
            }
        }
    }

    private static void checkCookie(RuleContext context, String path,
            LoadBalancerSettingsConsistentHashLBHTTPCookie_ cookie) {
        if (cookie.getName() == null || cookie.getName().isEmpty()) {
            context.report(DestinationRuleCodes.CONSISTENT_HASH, path, "name required for HttpCookie");
        }
        List<LoadBalancerSettingsConsistentHashLBHTTPCookieAttribute> attributes = cookie.getAttributes();
        if (attributes == null) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            LoadBalancerSettingsConsistentHashLBHTTPCookieAttribute attribute = attributes.get(i);
            String name = attribute == null || attribute.getName() == null ? "" : attribute.getName();
            String at = path + ".attributes[" + i + "]";
            if (name.isEmpty()) {
                context.report(DestinationRuleCodes.CONSISTENT_HASH, at, "cookie attribute name cannot be empty");
            } else if (!names.add(name)) {
                context.report(DestinationRuleCodes.CONSISTENT_HASH, at + ".name",
                        "duplicate cookie attribute name: %s", name);
            }
        }
    }

    /** Envoy's primality test (source/common/common/utility.cc), which Istio copies. */
    private static boolean isPrime(long x) {
        if (x != 0 && x < 4) {
            return true;
        }
        if ((x & 1) == 0) {
            return false;
        }
        long limit = (long) Math.sqrt((double) x);
        for (long factor = 3; factor <= limit; factor += 2) {
            if (x % factor == 0) {
                return false;
            }
        }
        return true;
    }
}
