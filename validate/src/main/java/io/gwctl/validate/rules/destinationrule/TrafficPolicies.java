package io.gwctl.validate.rules.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyPortTrafficPolicy;
import io.gwctl.validate.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a DestinationRule carries traffic policies: its own ({@code spec.trafficPolicy}), each subset's,
 * and the port-level settings inside either. Istio validates each of them the same way
 * ({@code validateTrafficPolicy}, {@code validateSubset}, {@code validatePortTrafficPolicies}), so the
 * rules for one part of a policy (connection pool, load balancer…) walk them all through here.
 *
 * <p>Each place also comes as written, for the few fields newer than the Istio model gwctl binds to
 * ({@code zoneAwareLbSetting}, {@code http2KeepAlive}).
 */
final class TrafficPolicies {

    private TrafficPolicies() {
    }

    /** A whole traffic policy and its path. */
    record Policy(String path, TrafficPolicy policy) {
    }

    /**
     * The settings a policy and a port-level policy have in common, the path they are under, and that
     * place as written. Any setting may be null; {@code written} is empty when the place is not a mapping.
     */
    record Settings(String path, OutlierDetection outlier, ConnectionPoolSettings pool,
            LoadBalancerSettings loadBalancer, ClientTLSSettings tls, Map<?, ?> written) {

        boolean isEmpty() {
            return outlier == null && pool == null && loadBalancer == null && tls == null;
        }

        /** The mapping at {@code keys} below this place as written, or an empty map. */
        Map<?, ?> written(String... keys) {
            return child(written, keys);
        }
    }

    /** The non-null policies of the rule: its own first, then each subset's in order. */
    static List<Policy> policies(RuleContext context) {
        return policies(context.spec(DestinationRule.class));
    }

    /**
     * Every set of settings Istio checks in the rule: each policy's own, and each port-level policy that
     * has at least one field (an empty one is reported as such and has nothing else to check).
     */
    static List<Settings> settings(RuleContext context) {
        Map<?, ?> spec = child(context.resource().tree(), "spec");
        List<Settings> out = new ArrayList<>();
        for (Policy p : policies(context)) {
            Map<?, ?> written = written(spec, p.path());
            TrafficPolicy tp = p.policy();
            out.add(new Settings(p.path(), tp.getOutlierDetection(), tp.getConnectionPool(), tp.getLoadBalancer(),
                    tp.getTls(), written));
            List<TrafficPolicyPortTrafficPolicy> ports = tp.getPortLevelSettings();
            if (ports == null) {
                continue;
            }
            List<?> writtenPorts = written.get("portLevelSettings") instanceof List<?> l ? l : List.of();
            for (int i = 0; i < ports.size(); i++) {
                TrafficPolicyPortTrafficPolicy pp = ports.get(i);
                if (pp == null) {
                    continue;
                }
                Map<?, ?> writtenPort = i < writtenPorts.size() && writtenPorts.get(i) instanceof Map<?, ?> m ? m : Map.of();
                Settings s = new Settings(DestinationRulePaths.portLevel(p.path(), i), pp.getOutlierDetection(),
                        pp.getConnectionPool(), pp.getLoadBalancer(), pp.getTls(), writtenPort);
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static List<Policy> policies(DestinationRule rule) {
        List<Policy> policies = new ArrayList<>();
        if (rule.getTrafficPolicy() != null) {
            policies.add(new Policy(DestinationRulePaths.TRAFFIC_POLICY, rule.getTrafficPolicy()));
        }
        List<Subset> subsets = rule.getSubsets();
        if (subsets != null) {
            for (int i = 0; i < subsets.size(); i++) {
                Subset subset = subsets.get(i);
                if (subset != null && subset.getTrafficPolicy() != null) {
                    policies.add(new Policy(DestinationRulePaths.subsetPolicy(i), subset.getTrafficPolicy()));
                }
            }
        }
        return policies;
    }

    /** The written policy at {@code path}, one of {@code spec.trafficPolicy}, {@code spec.subsets[i].trafficPolicy}. */
    private static Map<?, ?> written(Map<?, ?> spec, String path) {
        if (path.equals(DestinationRulePaths.TRAFFIC_POLICY)) {
            return child(spec, "trafficPolicy");
        }
        int index = Integer.parseInt(path.substring(path.indexOf('[') + 1, path.indexOf(']')));
        List<?> subsets = spec.get("subsets") instanceof List<?> l ? l : List.of();
        return index < subsets.size() && subsets.get(index) instanceof Map<?, ?> subset
                ? child(subset, "trafficPolicy") : Map.of();
    }

    private static Map<?, ?> child(Map<?, ?> parent, String... keys) {
        Map<?, ?> at = parent;
        for (String key : keys) {
            at = at.get(key) instanceof Map<?, ?> m ? m : Map.of();
        }
        return at;
    }
}
