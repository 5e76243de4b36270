package io.gwctl.validate.analysis.workloads;

import io.fabric8.istio.api.api.networking.v1alpha3.WorkloadEntry;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.PlainTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads and Services of the configuration: Pods, the pods that workload controllers will run
 * (read from their pod templates, so a Deployment in the input counts as its pods), WorkloadEntries, and
 * Kubernetes Services.
 *
 * <p>As Istio's offline analysis does ({@code pkg/config/analysis/local/defaults.go}), the default
 * ingress gateway is assumed to run: Pod {@code istio-system/istio-ingressgateway-dummypod} labelled
 * {@code istio: ingressgateway} and Service {@code istio-system/istio-ingressgateway} with TCP ports
 * 80, 443, 31400 and 15443, unless the input defines a Service of that name itself.
 *
 * <p>Pods, controllers, Nodes and Services are read from their plain trees, so an object that did not
 * bind to its type (fabric8's {@code IntOrString} rejects a 64-bit YAML integer, as in a probe port or a
 * {@code targetPort}) still counts.
 *
 * <p>Pod labels get the topology labels Istio adds from the pod's Node
 * ({@code label.AugmentLabels}: region, zone, subzone, and {@code kubernetes.io/hostname}).
 */
public final class Workloads {

    /** Istio's root namespace. */
    public static final String ISTIO_NAMESPACE = "istio-system";
    /** The default ingress gateway Service (and the prefix of its pod). */
    public static final String INGRESS_SERVICE = "istio-ingressgateway";

    private static final List<String> CONTROLLERS = List.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet");
    private static final String REGION = "topology.kubernetes.io/region";
    private static final String ZONE = "topology.kubernetes.io/zone";
    private static final String SUBZONE = "topology.istio.io/subzone";
    private static final String HOSTNAME = "kubernetes.io/hostname";

    private final List<Workload> pods;
    private final List<Workload> workloadEntries;
    private final List<KubeService> services;

    private Workloads(List<Workload> pods, List<Workload> workloadEntries, List<KubeService> services) {
        this.pods = List.copyOf(pods);
        this.workloadEntries = List.copyOf(workloadEntries);
        this.services = List.copyOf(services);
    }

    /** The workloads of a run, built once and shared by the analyzers. */
    public static Workloads of(AnalysisContext context) {
        return context.shared(Workloads.class, Workloads::build);
    }

    private static Workloads build(AnalysisContext context) {
        Map<String, Map<String, String>> nodeLabels = new HashMap<>();
        for (Resource node : context.ofKind("", "Node")) {
            nodeLabels.put(node.name(), PlainTree.stringMap(PlainTree.at(node.tree(), "metadata", "labels")));
        }
        List<Workload> pods = new ArrayList<>();
        for (Resource r : context.ofKind("", "Pod")) {
            pods.add(new Workload("Pod", r.namespace(), r.name(), withTopology(
                    PlainTree.stringMap(PlainTree.at(r.tree(), "metadata", "labels")),
                    PlainTree.string(r.tree(), "spec", "nodeName"), nodeLabels)));
        }
        for (String kind : CONTROLLERS) {
            for (Resource r : context.ofKind("apps", kind)) {
                pods.add(new Workload(kind, r.namespace(), r.name(), withTopology(
                        PlainTree.stringMap(PlainTree.at(r.tree(), "spec", "template", "metadata", "labels")),
                        PlainTree.string(r.tree(), "spec", "template", "spec", "nodeName"), nodeLabels)));
            }
        }
        List<Workload> entries = new ArrayList<>();
        for (Resource r : context.ofType(ResourceType.WORKLOAD_ENTRY)) {
            r.spec(WorkloadEntry.class).ifPresent(we -> entries.add(new Workload("WorkloadEntry", r.namespace(),
                    r.name(), we.getLabels() == null ? Map.of() : we.getLabels())));
        }
        List<KubeService> services = new ArrayList<>();
        for (Resource r : context.ofKind("", "Service")) {
            services.add(service(r));
        }
        boolean ingressDefined = services.stream()
                .anyMatch(s -> s.namespace().equals(ISTIO_NAMESPACE) && s.name().equals(INGRESS_SERVICE));
        if (!ingressDefined) {
            pods.add(defaultIngressPod());
            services.add(defaultIngressService());
        }
        return new Workloads(pods, entries, services);
    }

    /** Pods and the pods of workload controllers, in input order, then the assumed ingress pod. */
    public List<Workload> pods() {
        return pods;
    }

    /** The pods {@code selector} selects, in any namespace. */
    public List<Workload> podsSelectedBy(LabelSelector selector) {
        return pods.stream().filter(p -> selector.matches(p.labels())).toList();
    }

    /** Pods and WorkloadEntries: everything a subset's labels can select. */
    public List<Workload> endpoints() {
        List<Workload> all = new ArrayList<>(pods);
        all.addAll(workloadEntries);
        return all;
    }

    /** Kubernetes Services, in input order, then the assumed ingress Service. */
    public List<KubeService> services() {
        return services;
    }

    private static KubeService service(Resource r) {
        List<KubeService.Port> ports = new ArrayList<>();
        for (Object item : PlainTree.list(PlainTree.at(r.tree(), "spec", "ports"))) {
            if (item instanceof Map<?, ?> p && p.get("port") instanceof Number port) {
                ports.add(new KubeService.Port(p.get("name") instanceof String n ? n : "", port.intValue(),
                        p.get("targetPort") instanceof Number target ? target.intValue() : 0,
                        p.get("protocol") instanceof String protocol ? protocol : "TCP"));
            }
        }
        return new KubeService(r.namespace(), r.name(),
                LabelSelector.of(PlainTree.stringMap(PlainTree.at(r.tree(), "spec", "selector"))), ports,
                PlainTree.stringMap(PlainTree.at(r.tree(), "metadata", "annotations")));
    }

    private static Workload defaultIngressPod() {
        return new Workload("Pod", ISTIO_NAMESPACE, INGRESS_SERVICE + "-dummypod", Map.of("istio", "ingressgateway"));
    }

    private static KubeService defaultIngressService() {
        return new KubeService(ISTIO_NAMESPACE, INGRESS_SERVICE, LabelSelector.of(Map.of("istio", "ingressgateway")),
                List.of(new KubeService.Port("http2", 80, 80, "TCP"),
                        new KubeService.Port("https", 443, 443, "TCP"),
                        new KubeService.Port("tcp", 31400, 31400, "TCP"),
                        new KubeService.Port("tls", 15443, 15443, "TCP")),
                Map.of());
    }

    /** Istio's {@code AugmentLabels} with the locality of the pod's node (built as {@code LocalityToString}). */
    private static Map<String, String> withTopology(Map<String, String> labels, String nodeName,
            Map<String, Map<String, String>> nodeLabels) {
        Map<String, String> out = new LinkedHashMap<>(labels);
        if (nodeName == null || nodeName.isEmpty()) {
            return out;
        }
        Map<String, String> node = nodeLabels.getOrDefault(nodeName, Map.of());
        String region = node.getOrDefault(REGION, "");
        String zone = node.getOrDefault(ZONE, "");
        String subzone = node.getOrDefault(SUBZONE, "");
        if (!region.isEmpty()) {
            out.put(REGION, region);
        }
        if (!zone.isEmpty()) {
            out.put(ZONE, zone);
            if (!subzone.isEmpty()) {
                out.put(SUBZONE, subzone);
            }
        }
        out.put(HOSTNAME, nodeName);
        return out;
    }
}
