package io.gwctl.translate.legacy;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.TrafficPolicy;
import io.fabric8.istio.api.networking.v1.DestinationRule;
import io.fabric8.istio.api.networking.v1.DestinationRuleBuilder;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.istio.api.networking.v1.VirtualServiceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gwctl.model.legacy.DestinationPolicy;
import io.gwctl.model.legacy.EgressRule;
import io.gwctl.model.legacy.IstioService;
import io.gwctl.model.legacy.RouteRule;
import io.gwctl.model.legacy.RouteRuleSpec;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.translate.convert.ConversionResult;
import io.gwctl.translate.convert.ConvertedFrom;
import io.gwctl.translate.convert.Notifications;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts Istio 0.x {@code config.istio.io/v1alpha2} RouteRules, DestinationPolicies and EgressRules into
 * {@code networking.istio.io/v1} VirtualServices, DestinationRules and ServiceEntries.
 *
 * <p>Follows the final revision of {@code istioctl experimental convert-networking-config}
 * (istioctl/pkg/convert, commit f74b2e85): the RouteRules for one destination merge into one
 * VirtualService named after the host, ordered by descending precedence (ties by name); route labels and
 * DestinationPolicies become the subsets of one DestinationRule per host; each EgressRule becomes a
 * ServiceEntry. It differs where istioctl lost meaning: {@code destination.namespace} is honoured,
 * {@code match.source} is kept as {@code sourceLabels}, fault percentages keep their fraction, subset names
 * are DNS-1123 labels, and every dropped or approximated field is reported.
 *
 * <p>A RouteRule whose source is the ingress ({@code name: istio-ingress} or label {@code istio: ingress})
 * routed traffic entering the mesh, not traffic inside it: it does not become a mesh VirtualService, and
 * {@link #refineIngress} folds it into the VirtualService converted from the Ingress instead.
 */
public final class RouteRuleConverter {

    private record HostKey(String namespace, String host) {
    }

    /** The DestinationRule being assembled for one host. */
    private static final class RuleDraft {
        final Map<String, Subset> subsets = new LinkedHashMap<>();
        final Set<String> from = new LinkedHashSet<>();
        TrafficPolicy policy;
    }

    /** Converts every RouteRule, DestinationPolicy and EgressRule of {@code resources}; ignores other kinds. */
    public ConversionResult convert(List<Resource> resources) {
        Notifications notified = new Notifications();
        Notifications failed = new Notifications();
        LegacyNotes notes = new LegacyNotes(notified);
        LegacyNotes failures = new LegacyNotes(failed);
        List<HasMetadata> out = new ArrayList<>();
        Map<HostKey, RuleDraft> rules = new LinkedHashMap<>();
        for (Resource r : resources) {
            bind(r, DestinationPolicy.class, failures).ifPresent(p -> policy(r, p, rules, notes, failures));
        }
        Map<HostKey, List<Map.Entry<Resource, RouteRuleSpec>>> byHost = new LinkedHashMap<>();
        for (Resource r : resources) {
            Optional<RouteRule> rule = bind(r, RouteRule.class, failures);
            if (rule.isEmpty()) {
                continue;
            }
            RouteRuleSpec spec = rule.get().getSpec();
            String ns = LegacyHosts.namespace(spec.destination(), r.namespace());
            String host = LegacyHosts.host(spec.destination(), ns);
            if (host.isEmpty()) {
                failures.warn(r, "spec.destination", "RouteRule has no destination: nothing to convert");
                continue;
            }
            if (!spec.destination().labels().isEmpty()) {
                notes.warn(r, "spec.destination.labels", "a RouteRule's destination takes no labels"
                        + " (route[].labels select instances): ignored");
            }
            byHost.computeIfAbsent(new HostKey(ns, host), k -> new ArrayList<>()).add(Map.entry(r, spec));
        }
        byHost.forEach((key, group) -> virtualService(key, group, rules, notes).ifPresent(out::add));
        rules.forEach((key, draft) -> destinationRule(key, draft).ifPresent(out::add));
        for (Resource r : resources) {
            bind(r, EgressRule.class, failures).ifPresent(e -> {
                ServiceEntry se = EgressConversion.convert(r, e.getSpec(), notes);
                if (se == null) {
                    failures.warn(r, "spec.destination", "EgressRule has no destination service: nothing to convert");
                } else {
                    out.add(se);
                }
            });
        }
        return new ConversionResult(out, notified.all(), failed.all());
    }

    /**
     * Folds the RouteRules among {@code routeRules} whose source is the ingress into the VirtualServices
     * converted from Ingresses: each route of {@code ingressVirtualServices} that sends traffic to a rule's
     * destination is replaced by one route per rule, in descending precedence, matching what both the
     * Ingress path and the rule match, then by the original route unless a rule without request match
     * shadows it. Other RouteRules and VirtualServices pass through unchanged.
     *
     * @return the VirtualServices, refined, in the order given
     */
    public List<VirtualService> refineIngress(List<VirtualService> ingressVirtualServices, List<Resource> routeRules,
            Notifications notifications) {
        LegacyNotes ignored = new LegacyNotes(new Notifications());
        LegacyNotes notes = new LegacyNotes(notifications);
        List<IngressRefinement.IngressRule> ingressRules = new ArrayList<>();
        for (Resource r : routeRules) {
            bind(r, RouteRule.class, ignored).filter(rule -> fromIngress(rule.getSpec())).ifPresent(rule -> {
                RouteRuleSpec spec = rule.getSpec();
                String ns = LegacyHosts.namespace(spec.destination(), r.namespace());
                String host = LegacyHosts.host(spec.destination(), ns);
                if (host.isEmpty()) {
                    notes.warn(r, "spec.destination", "RouteRule has no destination: not applied to the ingress");
                } else {
                    ingressRules.add(new IngressRefinement.IngressRule(r, spec, ns, host));
                }
            });
        }
        ingressRules.sort(Comparator.comparing((IngressRefinement.IngressRule i) -> -(long) i.spec().precedence())
                .thenComparing(i -> i.resource().key()));
        return new IngressRefinement(ingressRules, notes).refine(ingressVirtualServices);
    }

    /** Whether a rule's {@code match.source} is the ingress, as Istio 0.x's ingress controller labelled it. */
    static boolean fromIngress(RouteRuleSpec spec) {
        if (spec.match() == null || spec.match().source() == null) {
            return false;
        }
        IstioService source = spec.match().source();
        return "istio-ingress".equals(source.name()) || "ingress".equals(source.labels().get("istio"));
    }

    private Optional<VirtualService> virtualService(HostKey key, List<Map.Entry<Resource, RouteRuleSpec>> group,
            Map<HostKey, RuleDraft> rules, LegacyNotes notes) {
        group.sort(Comparator.comparing((Map.Entry<Resource, RouteRuleSpec> e) -> -(long) e.getValue().precedence())
                .thenComparing(e -> e.getKey().key()));
        List<HTTPRoute> http = new ArrayList<>();
        Set<String> from = new LinkedHashSet<>();
        for (var e : group) {
            Resource r = e.getKey();
            boolean ingress = fromIngress(e.getValue());
            HttpRouteConversion conversion = new HttpRouteConversion(r, e.getValue(), key.namespace(), key.host(),
                    ingress ? new LegacyNotes(new Notifications()) : notes);
            HTTPRoute route = conversion.convert();
            conversion.subsets().forEach(ref -> addSubset(rules, ref));
            if (ingress) {
                notes.info(r, "spec.match.source", "the rule routes traffic from the ingress: it refines the"
                        + " VirtualService converted from the Ingress instead of becoming a mesh route");
                continue;
            }
            http.add(route);
            from.add(r.key().toString());
        }
        if (http.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VirtualServiceBuilder()
                .withNewMetadata().withName(objectName(key.host())).withNamespace(key.namespace())
                .withAnnotations(Map.of(ConvertedFrom.ANNOTATION, String.join(", ", from))).endMetadata()
                .withNewSpec().withHosts(key.host()).withHttp(http).endSpec()
                .build());
    }

    private static void policy(Resource r, DestinationPolicy policy, Map<HostKey, RuleDraft> rules,
            LegacyNotes notes, LegacyNotes failures) {
        IstioService destination = policy.getSpec().destination();
        String ns = LegacyHosts.namespace(destination, r.namespace());
        String host = LegacyHosts.host(destination, ns);
        if (host.isEmpty()) {
            failures.warn(r, "spec.destination", "DestinationPolicy has no destination: nothing to convert");
            return;
        }
        TrafficPolicy traffic = PolicyConversion.trafficPolicy(r, policy.getSpec(), notes);
        RuleDraft draft = rules.computeIfAbsent(new HostKey(ns, host), k -> new RuleDraft());
        draft.from.add(r.key().toString());
        if (destination.labels().isEmpty()) {
            if (draft.policy != null) {
                notes.warn(r, "spec", "another DestinationPolicy already set the policy for " + host
                        + ": this one replaces it");
            }
            draft.policy = traffic;
            notes.info(r, "spec.destination", "a policy for every instance becomes the DestinationRule's"
                    + " trafficPolicy (istioctl wrote an unused subset named default)");
            return;
        }
        String name = SubsetNames.of(destination.labels());
        if (draft.subsets.containsKey(name)) {
            notes.warn(r, "spec.destination.labels", "another DestinationPolicy already made subset " + name
                    + ": this one replaces it");
        }
        draft.subsets.put(name, new Subset(new LinkedHashMap<>(destination.labels()), name, traffic));
    }

    private static void addSubset(Map<HostKey, RuleDraft> rules, HttpRouteConversion.SubsetRef ref) {
        RuleDraft draft = rules.computeIfAbsent(new HostKey(ref.namespace(), ref.host()), k -> new RuleDraft());
        draft.from.add(ref.from().key().toString());
        draft.subsets.putIfAbsent(ref.name(), new Subset(new LinkedHashMap<>(ref.labels()), ref.name(), null));
    }

    private static Optional<DestinationRule> destinationRule(HostKey key, RuleDraft draft) {
        if (draft.subsets.isEmpty() && draft.policy == null) {
            return Optional.empty();
        }
        return Optional.of(new DestinationRuleBuilder()
                .withNewMetadata().withName(objectName(key.host())).withNamespace(key.namespace())
                .withAnnotations(Map.of(ConvertedFrom.ANNOTATION, String.join(", ", draft.from))).endMetadata()
                .withNewSpec().withHost(key.host()).withTrafficPolicy(draft.policy)
                .withSubsets(draft.subsets.isEmpty() ? null : new ArrayList<>(draft.subsets.values())).endSpec()
                .build());
    }

    /** The object name for a host: the host itself (istioctl's choice), wildcards spelled out. */
    private static String objectName(String host) {
        return host.replace("*", "wildcard").toLowerCase(Locale.ROOT);
    }

    /**
     * The legacy object of {@code cls} that {@code r} is, when it is one. A resource of the right kind that
     * did not bind is a failure; one the reader could not type (no apiVersion) is bound from its tree.
     */
    private static <T> Optional<T> bind(Resource r, Class<T> cls, LegacyNotes failures) {
        if (!cls.getSimpleName().equals(r.kind())) {
            return Optional.empty();
        }
        Optional<T> typed = r.as(cls);
        if (typed.isPresent()) {
            return typed;
        }
        if (r.bindError().isPresent()) {
            failures.warn(r, "", r.kind() + " does not fit its schema (" + r.bindError().get() + "): not converted");
            return Optional.empty();
        }
        try {
            return Optional.of(ResourceReader.bind(r.tree(), cls));
        } catch (IllegalArgumentException e) {
            failures.warn(r, "", r.kind() + " does not fit its schema: not converted");
            return Optional.empty();
        }
    }
}
