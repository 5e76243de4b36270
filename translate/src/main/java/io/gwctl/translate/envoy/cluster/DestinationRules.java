package io.gwctl.translate.envoy.cluster;

import static java.util.Objects.requireNonNull;

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
import io.gwctl.translate.envoy.ExportTo;
import io.gwctl.translate.envoy.GatewayOptions;
import io.gwctl.translate.envoy.ShortNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The DestinationRule that applies to a service host for the gateway proxy, as pilot picks it
 * ({@code PushContext.setDestinationRules} and {@code destinationRule}, {@code mergeDestinationRule},
 * {@code SidecarScope.DestinationRule} in istio/istio {@code pilot/pkg/model/}).
 *
 * <p>Rules are indexed by namespace twice: the rules a namespace sees of its own (exported to it, to
 * {@code *}, or with no {@code exportTo}), and the rules it exports to others (all but those exported to
 * itself alone). A rule with a {@code workloadSelector} is private to its namespace and applies only when the
 * gateway's labels satisfy it. The rule for a host is looked up, stopping at the first that has one:
 *
 * <ol>
 *   <li>among the rules the proxy's namespace sees of its own (for a proxy in the root namespace
 *   {@code istio-system}, its private rules);</li>
 *   <li>among the rules the service's namespace exports, if exported to the proxy's namespace;</li>
 *   <li>among the rules the root namespace exports, likewise.</li>
 * </ol>
 *
 * <p>Within a namespace, an exact host match wins, else the longest wildcard host that covers it
 * ({@code MostSpecificHostMatch}); when the most specific rule is not exported to the proxy, the next step is
 * taken rather than a less specific rule. Rules of one namespace for one host with the same {@code exportTo}
 * are merged as {@code mergeDestinationRule} merges them: the first top-level traffic policy, the subsets of
 * all in order, the first of a name winning; the cluster metadata names the first. Rules with different
 * {@code exportTo} stay apart, and of several for the host, one whose selector matches is taken, else the last
 * without a selector. Short hosts expand in the rule's namespace.
 */
final class DestinationRules {

    /** MeshConfig {@code rootNamespace}'s default: rules there serve every namespace that sees them. */
    static final String ROOT_NAMESPACE = "istio-system";

    /** The (merged) DestinationRule of one host in one namespace. */
    record Rule(Resource resource, String host, ExportTo exportTo, Map<String, String> selector,
            TrafficPolicy trafficPolicy, List<Subset> subsets) {

        /** Pilot's config path for cluster metadata ({@code util.BuildConfigInfoMetadata}). */
        String configPath() {
            String version = resource.apiVersion().substring(resource.apiVersion().indexOf('/') + 1);
            return "/apis/networking.istio.io/" + version + "/namespaces/" + resource.namespace()
                    + "/destination-rule/" + resource.name();
        }

        private boolean mergesWith(Rule next) {
            return host.equals(next.host) && exportTo.namespaces().equals(next.exportTo.namespaces())
                    && (selector.isEmpty() || next.selector.isEmpty() || selector.equals(next.selector));
        }

        private Rule merge(Rule next) {
            List<Subset> merged = new ArrayList<>(subsets);
            for (Subset s : next.subsets) {
                if (merged.stream().noneMatch(m -> m.getName().equals(s.getName()))) {
                    merged.add(s);
                }
            }
            TrafficPolicy policy = trafficPolicy != null ? trafficPolicy : next.trafficPolicy;
            return new Rule(resource, host, exportTo, selector, policy, List.copyOf(merged));
        }
    }

    private final String proxyNamespace;
    private final Map<String, List<Rule>> ownByNamespace = new HashMap<>();
    private final Map<String, List<Rule>> exportedByNamespace = new HashMap<>();
    private final List<Rule> rootPrivate = new ArrayList<>();

    /**
     * @param resources      the input; its DestinationRules are indexed in order
     * @param options        the gateway's labels and domain suffix
     * @param proxyNamespace the gateway proxy's namespace
     */
    DestinationRules(List<Resource> resources, GatewayOptions options, String proxyNamespace) {
        this.proxyNamespace = requireNonNull(proxyNamespace, "proxyNamespace");
        for (Resource r : resources) {
            if (!r.is(ResourceType.DESTINATION_RULE)) {
                continue;
            }
            DestinationRule dr = r.spec(DestinationRule.class).orElse(null);
            if (dr == null || dr.getHost() == null || dr.getHost().isEmpty() || !selects(dr, r, options)) {
                continue;
            }
            String ns = r.namespace();
            Map<String, String> selector = selector(dr);
            ExportTo exportTo = ExportTo.of(ns, selector.isEmpty() ? dr.getExportTo() : List.of(ExportTo.PRIVATE));
            Rule rule = new Rule(r, ShortNames.fqdn(dr.getHost(), ns, options.domainSuffix()).toLowerCase(Locale.ROOT),
                    exportTo, selector, dr.getTrafficPolicy(), List.copyOf(named(dr)));
            if (exportTo.isPublic() || exportTo.visibleTo(ns)) {
                add(ownByNamespace.computeIfAbsent(ns, k -> new ArrayList<>()), rule);
            }
            if (!exportTo.isPrivate()) {
                add(exportedByNamespace.computeIfAbsent(ns, k -> new ArrayList<>()), rule);
            } else if (ns.equals(ROOT_NAMESPACE)) {
                add(rootPrivate, rule);
            }
        }
    }

    private static void add(List<Rule> rules, Rule rule) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).mergesWith(rule)) {
                rules.set(i, rules.get(i).merge(rule));
                return;
            }
        }
        rules.add(rule);
    }

    /**
     * Whether a rule can apply to the gateway: one with a {@code workloadSelector} only in the proxy's namespace
     * and when the gateway's labels satisfy it.
     */
    private boolean selects(DestinationRule dr, Resource r, GatewayOptions options) {
        Map<String, String> selector = selector(dr);
        if (selector.isEmpty()) {
            return true;
        }
        return r.namespace().equals(proxyNamespace) && options.selector().entrySet().containsAll(selector.entrySet());
    }

    private static Map<String, String> selector(DestinationRule dr) {
        return dr.getWorkloadSelector() == null || dr.getWorkloadSelector().getMatchLabels() == null
                ? Map.of() : dr.getWorkloadSelector().getMatchLabels();
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

    /** The rule for {@code host}, a service of {@code namespace}, as the proxy sees it. */
    Optional<Rule> forHost(String host, String namespace) {
        String h = host.toLowerCase(Locale.ROOT);
        List<Rule> own = proxyNamespace.equals(ROOT_NAMESPACE) ? rootPrivate
                : ownByNamespace.getOrDefault(proxyNamespace, List.of());
        Optional<Rule> found = choose(mostSpecific(h, own));
        if (found.isEmpty() && !namespace.isEmpty()) {
            found = exported(h, namespace);
        }
        return found.isPresent() ? found : exported(h, ROOT_NAMESPACE);
    }

    private Optional<Rule> exported(String host, String namespace) {
        return choose(mostSpecific(host, exportedByNamespace.getOrDefault(namespace, List.of())).stream()
                .filter(r -> r.exportTo().visibleTo(proxyNamespace)).toList());
    }

    /** The rules of the most specific host covering {@code host}. */
    private static List<Rule> mostSpecific(String host, List<Rule> candidates) {
        String best = null;
        for (Rule rule : candidates) {
            if (rule.host().equals(host)) {
                best = host;
                break;
            }
            if (covers(rule.host(), host) && (best == null || rule.host().length() > best.length())) {
                best = rule.host();
            }
        }
        String chosen = best;
        return chosen == null ? List.of() : candidates.stream().filter(r -> r.host().equals(chosen)).toList();
    }

    /** A rule whose selector the gateway satisfies, else the last without a selector. */
    private static Optional<Rule> choose(List<Rule> rules) {
        Rule catchAll = null;
        for (Rule r : rules) {
            if (!r.selector().isEmpty()) {
                return Optional.of(r);
            }
            catchAll = r;
        }
        return Optional.ofNullable(catchAll);
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
