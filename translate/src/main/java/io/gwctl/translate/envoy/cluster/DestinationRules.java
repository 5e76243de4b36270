package io.gwctl.translate.envoy.cluster;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.LoadBalancerSettings;
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
     * The load balancer settings for {@code port} as pilot's {@code MergeTrafficPolicy} merges them: the
     * top-level setting, replaced by the port-level settings for the port when there are any (they do not
     * inherit), then by the subset's policy resolved the same way when it sets one.
     */
    static Optional<LoadBalancerSettings> loadBalancer(TrafficPolicy top, TrafficPolicy subset, int port) {
        LoadBalancerSettings lb = loadBalancer(top, port);
        LoadBalancerSettings override = loadBalancer(subset, port);
        return Optional.ofNullable(override != null ? override : lb);
    }

    private static LoadBalancerSettings loadBalancer(TrafficPolicy policy, int port) {
        if (policy == null) {
            return null;
        }
        LoadBalancerSettings lb = policy.getLoadBalancer();
        if (policy.getPortLevelSettings() != null) {
            for (TrafficPolicyPortTrafficPolicy p : policy.getPortLevelSettings()) {
                if (p != null && p.getPort() != null && p.getPort().getNumber() != null
                        && p.getPort().getNumber() == port) {
                    // port-level settings do not inherit: what they leave out falls back to the defaults
                    return p.getLoadBalancer();
                }
            }
        }
        return lb;
    }
}
