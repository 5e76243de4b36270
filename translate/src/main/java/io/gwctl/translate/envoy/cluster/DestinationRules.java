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
import io.gwctl.translate.envoy.ShortNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The DestinationRule that applies to a service host, as pilot picks it ({@code MostSpecificHostMatch} in
 * {@code model/destination_rule.go}): an exact host match first, else the longest wildcard host that covers it;
 * among equals the first in input order, as pilot keeps the oldest. Short hosts expand in the rule's namespace.
 */
final class DestinationRules {

    /** One DestinationRule with its resolved host. */
    record Rule(Resource resource, DestinationRule spec, String host) {

        /** Pilot's config path for cluster metadata ({@code util.BuildConfigInfoMetadata}). */
        String configPath() {
            String version = resource.apiVersion().substring(resource.apiVersion().indexOf('/') + 1);
            return "/apis/networking.istio.io/" + version + "/namespaces/" + resource.namespace()
                    + "/destination-rule/" + resource.name();
        }

        List<Subset> subsets() {
            List<Subset> out = new ArrayList<>();
            if (spec.getSubsets() != null) {
                for (Subset s : spec.getSubsets()) {
                    if (s != null && s.getName() != null && !s.getName().isEmpty()) {
                        out.add(s);
                    }
                }
            }
            return out;
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    DestinationRules(List<Resource> resources, String domainSuffix) {
        for (Resource r : resources) {
            if (!r.is(ResourceType.DESTINATION_RULE)) {
                continue;
            }
            r.spec(DestinationRule.class).filter(dr -> dr.getHost() != null && !dr.getHost().isEmpty())
                    .ifPresent(dr -> rules.add(new Rule(r, dr,
                            ShortNames.fqdn(dr.getHost(), r.namespace(), domainSuffix).toLowerCase(Locale.ROOT))));
        }
    }

    /** The rule for {@code host}. */
    Optional<Rule> forHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        Rule best = null;
        for (Rule rule : rules) {
            if (rule.host().equals(h)) {
                return Optional.of(rule);
            }
            if (covers(rule.host(), h) && (best == null || rule.host().length() > best.host().length())) {
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
