package io.gwctl.validate.analysis.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.hosts.ExportTo;
import io.gwctl.validate.analysis.hosts.HostName;
import io.gwctl.validate.analysis.hosts.ServiceHosts;
import io.gwctl.validate.diagnostic.GoFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A destination's {@code subset} must be defined by a DestinationRule for its host. Istio:
 * {@code virtualservice.DestinationRuleAnalyzer} (IST0101 host+subset / mirror+subset in
 * destinationrule).
 *
 * <p>Hosts are compared as FQDNs, each in its own resource's namespace, and a DestinationRule for a
 * wildcard host covers the hosts under it, as pilot applies it; the DestinationRule must be exported to
 * the VirtualService's namespace.
 */
final class DestinationSubsetAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "virtualservice.DestinationRuleAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        List<Rule> rules = new ArrayList<>();
        for (Resource r : context.ofType(ResourceType.DESTINATION_RULE)) {
            DestinationRule dr = r.spec(DestinationRule.class).orElse(null);
            if (dr != null && dr.getHost() != null) {
                rules.add(new Rule(ServiceHosts.toFqdn(r.namespace(), dr.getHost()),
                        ExportTo.scopes(dr.getExportTo(), r.namespace()), dr));
            }
        }
        for (Resource r : context.ofType(ResourceType.VIRTUAL_SERVICE)) {
            VirtualService vs = r.spec(VirtualService.class).orElse(null);
            if (vs == null) {
                continue;
            }
            List<DestinationRef> destinations = new ArrayList<>(DestinationRef.routes(vs));
            destinations.addAll(DestinationRef.mirrors(vs));
            for (DestinationRef d : destinations) {
                if (d.subset().isEmpty()) {
                    continue;
                }
                String host = ServiceHosts.toFqdn(r.namespace(), d.host());
                boolean defined = rules.stream().anyMatch(rule -> rule.visibleIn(r.namespace())
                        && rule.covers(host) && rule.defines(d.subset()));
                if (!defined) {
                    context.report(AnalysisCodes.SUBSET_NOT_FOUND, r, d.path(), String.format(
                            "Referenced %s in destinationrule not found: %s",
                            d.mirror() ? "mirror+subset" : "host+subset", GoFormat.quote(d.host() + "+" + d.subset())));
                }
            }
        }
    }

    /**
     * A DestinationRule by the FQDN of its host and the namespaces that see it.
     *
     * @param host   its host as an FQDN
     * @param scopes its exportTo scopes
     * @param rule   the rule
     */
    private record Rule(String host, Set<String> scopes, DestinationRule rule) {

        boolean visibleIn(String namespace) {
            return ExportTo.visibleIn(scopes, namespace);
        }

        boolean covers(String destinationHost) {
            return host.equals(destinationHost)
                    || HostName.isWildcard(host) && HostName.subsetOf(destinationHost, host);
        }

        boolean defines(String subset) {
            return rule.getSubsets() != null && rule.getSubsets().stream()
                    .filter(Objects::nonNull).map(Subset::getName).anyMatch(subset::equals);
        }
    }
}
