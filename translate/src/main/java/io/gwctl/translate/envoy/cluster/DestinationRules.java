package io.gwctl.translate.envoy.cluster;

import io.fabric8.istio.api.api.networking.v1alpha3.ClientTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.ConnectionPoolSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.OutlierDetection;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicyPortTrafficPolicy;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.ShortNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The DestinationRule that applies to a service host, as pilot picks it ({@code PushContext.destinationRule},
 * {@code MostSpecificHostMatch}): the rules of the service's namespace first, then all others; within each, an
 * exact host match, else the longest wildcard host that covers it. Rules of one namespace for one host are
 * merged as {@code mergeDestinationRule} merges them: the first top-level traffic policy, the subsets of all in
 * input order, the first of a name winning; the cluster metadata names the first. A rule with a
 * {@code workloadSelector} applies only when the gateway's labels satisfy it. Short hosts expand in the rule's
 * namespace.
 */
final class DestinationRules {

    /** The (merged) DestinationRule of one host in one namespace. */
    record Rule(Resource resource, String host, TrafficPolicy trafficPolicy, List<Subset> subsets) {

        /** Pilot's config path for cluster metadata ({@code util.BuildConfigInfoMetadata}). */
        String configPath() {
            String version = resource.apiVersion().substring(resource.apiVersion().indexOf('/') + 1);
            return "/apis/networking.istio.io/" + version + "/namespaces/" + resource.namespace()
                    + "/destination-rule/" + resource.name();
        }

        private Rule merge(DestinationRule next) {
            List<Subset> merged = new ArrayList<>(subsets);
            for (Subset s : named(next)) {
                if (merged.stream().noneMatch(m -> m.getName().equals(s.getName()))) {
                    merged.add(s);
                }
            }
            return new Rule(resource, host, trafficPolicy != null ? trafficPolicy : next.getTrafficPolicy(),
                    List.copyOf(merged));
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    DestinationRules(List<Resource> resources, GatewayOptions options) {
        for (Resource r : resources) {
            if (!r.is(ResourceType.DESTINATION_RULE)) {
                continue;
            }
            DestinationRule dr = r.spec(DestinationRule.class).orElse(null);
            if (dr == null || dr.getHost() == null || dr.getHost().isEmpty() || !selects(dr, options)) {
                continue;
            }
            String host = ShortNames.fqdn(dr.getHost(), r.namespace(), options.domainSuffix()).toLowerCase(Locale.ROOT);
            int same = -1;
            for (int i = 0; i < rules.size(); i++) {
                if (rules.get(i).host().equals(host) && rules.get(i).resource().namespace().equals(r.namespace())) {
                    same = i;
                }
            }
            if (same < 0) {
                rules.add(new Rule(r, host, dr.getTrafficPolicy(), List.copyOf(named(dr))));
            } else {
                rules.set(same, rules.get(same).merge(dr));
            }
        }
    }

    private static boolean selects(DestinationRule dr, GatewayOptions options) {
        if (dr.getWorkloadSelector() == null || dr.getWorkloadSelector().getMatchLabels() == null) {
            return true;
        }
        return options.selector().entrySet().containsAll(dr.getWorkloadSelector().getMatchLabels().entrySet());
    }

    private static List<Subset> named(DestinationRule dr) {
        List<Subset> out = new ArrayList<>();
        if (dr.getSubsets() != null) {
            for (Subset s : dr.getSubsets()) {
                if (s != null && s.getName() != null && !s.getName().isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The rule for {@code host}, a service of {@code namespace}. */
    Optional<Rule> forHost(String host, String namespace) {
        String h = host.toLowerCase(Locale.ROOT);
        Optional<Rule> local = mostSpecific(h, rules.stream().filter(r -> r.resource().namespace().equals(namespace)).toList());
        return local.isPresent() ? local : mostSpecific(h, rules);
    }

    private static Optional<Rule> mostSpecific(String host, List<Rule> candidates) {
        Rule best = null;
        for (Rule rule : candidates) {
            if (rule.host().equals(host)) {
                return Optional.of(rule);
            }
            if (covers(rule.host(), host) && (best == null || rule.host().length() > best.host().length())) {
                best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean covers(String wildcard, String host) {
        return wildcard.equals("*") || wildcard.startsWith("*") && host.endsWith(wildcard.substring(1));
    }

    /**
     * The policy for {@code port} as pilot's {@code MergeTrafficPolicy} merges it: the top-level components,
     * all replaced by the port-level settings for the port when there are any (they do not inherit: what they
     * leave out falls back to the defaults); then each component the subset's policy sets, and again all of
     * them by the subset's port-level settings for the port.
     */
    static Policy policy(TrafficPolicy top, TrafficPolicy subset, int port) {
        Policy merged = forPort(top, port);
        if (subset == null) {
            return merged;
        }
        Policy own = new Policy(subset.getConnectionPool(), subset.getOutlierDetection(), subset.getLoadBalancer(),
                subset.getTls());
        merged = new Policy(
                own.connectionPool() != null ? own.connectionPool() : merged.connectionPool(),
                own.outlierDetection() != null ? own.outlierDetection() : merged.outlierDetection(),
                own.loadBalancer() != null ? own.loadBalancer() : merged.loadBalancer(),
                own.tls() != null ? own.tls() : merged.tls());
        return portLevel(subset, port).orElse(merged);
    }

    private static Policy forPort(TrafficPolicy policy, int port) {
        if (policy == null) {
            return Policy.NONE;
        }
        return portLevel(policy, port).orElse(new Policy(policy.getConnectionPool(), policy.getOutlierDetection(),
                policy.getLoadBalancer(), policy.getTls()));
    }

    private static Optional<Policy> portLevel(TrafficPolicy policy, int port) {
        if (policy.getPortLevelSettings() != null) {
            for (TrafficPolicyPortTrafficPolicy p : policy.getPortLevelSettings()) {
                if (p != null && p.getPort() != null && p.getPort().getNumber() != null
                        && p.getPort().getNumber() == port) {
                    return Optional.of(new Policy(p.getConnectionPool(), p.getOutlierDetection(), p.getLoadBalancer(),
                            p.getTls()));
                }
            }
        }
        return Optional.empty();
    }

    /** The components of a traffic policy that shape a cluster; each may be null. */
    record Policy(ConnectionPoolSettings connectionPool, OutlierDetection outlierDetection,
            LoadBalancerSettings loadBalancer, ClientTLSSettings tls) {

        static final Policy NONE = new Policy(null, null, null, null);
    }
}
