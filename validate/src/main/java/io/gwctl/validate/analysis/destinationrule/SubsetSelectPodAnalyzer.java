package io.gwctl.validate.analysis.destinationrule;

import io.fabric8.istio.api.api.networking.v1alpha3.DestinationRule;
import io.fabric8.istio.api.api.networking.v1alpha3.Subset;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.hosts.MeshService;
import io.gwctl.validate.analysis.hosts.ServiceRegistry;
import io.gwctl.validate.analysis.workloads.LabelSelector;
import io.gwctl.validate.analysis.workloads.Workload;
import io.gwctl.validate.analysis.workloads.Workloads;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A DestinationRule's host must resolve to a service it can see, and each subset must select some
 * endpoint, or requests for it fail with 503 (no healthy upstream). Istio:
 * {@code destinationrule.SubsetSelectPodAnalyzer} (IST0174, IST0173): a subset's labels, merged over a
 * ServiceEntry's workload selector, must match a pod's labels (with the topology labels of its node).
 *
 * <p>Beyond Istio's pods, the pod templates of workload controllers in the input, WorkloadEntries and a
 * ServiceEntry's inline endpoints count as endpoints, so validating manifests without running pods
 * does not report subsets their Deployments will serve.
 */
final class SubsetSelectPodAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "destinationrule.SubsetSelectPodAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        ServiceRegistry registry = ServiceRegistry.of(context);
        List<Workload> endpoints = Workloads.of(context).endpoints();
        for (Resource r : context.ofType(ResourceType.DESTINATION_RULE)) {
            DestinationRule dr = r.spec(DestinationRule.class).orElse(null);
            if (dr == null || dr.getHost() == null || dr.getHost().isEmpty()) {
                continue; // no host is the DestinationRule rules' finding, not a host to look up
            }
            String host = dr.getHost();
            Optional<MeshService> service = registry.resolve(r.namespace(), dr.getExportTo(), host);
            if (service.isEmpty()) {
                context.report(AnalysisCodes.UNKNOWN_DESTINATION_RULE_HOST, r, DestinationRulePaths.HOST, String.format(
                        "The host %s defined in the DestinationRule does not match any services in the mesh.", host));
                continue;
            }
            List<Subset> subsets = dr.getSubsets() == null ? List.of() : dr.getSubsets();
            for (int i = 0; i < subsets.size(); i++) {
                Subset subset = subsets.get(i);
                if (subset == null) {
                    continue;
                }
                Map<String, String> labels = new HashMap<>(service.get().workloadSelector());
                if (subset.getLabels() != null) {
                    labels.putAll(subset.getLabels());
                }
                LabelSelector selector = LabelSelector.of(labels);
                boolean selects = endpoints.stream().anyMatch(w -> selector.matches(w.labels()))
                        || service.get().endpointLabels().stream().anyMatch(selector::matches);
                if (!selects) {
                    context.report(AnalysisCodes.SUBSET_SELECTS_NO_PODS, r, DestinationRulePaths.subsetName(i),
                            String.format("The Subset %s defined in the DestinationRule does not select any pods. "
                                    + "Which may lead to 503 UH (NoHealthyUpstream).", subset.getName()));
                }
            }
        }
    }
}
