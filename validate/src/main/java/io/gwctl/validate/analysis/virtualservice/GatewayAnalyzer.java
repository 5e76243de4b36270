package io.gwctl.validate.analysis.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.NamespacedName;
import io.gwctl.validate.analysis.PlainTree;
import io.gwctl.validate.analysis.hosts.HostName;
import io.gwctl.validate.diagnostic.GoFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Each gateway a VirtualService names must exist, and should serve one of its hosts. Istio:
 * {@code virtualservice.GatewayAnalyzer} (IST0101 gateway, IST0132, IST0165), with gateway names resolved
 * as pilot resolves them ({@code ./gw}, {@code ns/gw}, legacy {@code gw.ns.svc.cluster.local}), and
 * Gateway API Gateways accepted as targets (a listener without hostname serves every host).
 *
 * <p>Server hosts are read as pilot reads them: {@code ./h} is {@code h} for VirtualServices of the
 * Gateway's namespace (istio/istio#34653), {@code ns/h} for those of {@code ns}, <code>&#42;/h</code> for all.
 *
 * <p>A VirtualService with several gateways is judged across them (istio/istio#34829): when none of its
 * gateways serves any of its hosts, each is reported as a warning; when some gateway serves them, a
 * gateway that serves none is only noted, as the routes still apply through the others.
 */
final class GatewayAnalyzer implements Analyzer {

    private static final String K8S_GATEWAY_GROUP = "gateway.networking.k8s.io";

    @Override
    public String name() {
        return "virtualservice.GatewayAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        Map<NamespacedName, Gateway> gateways = new HashMap<>();
        for (Resource r : context.ofType(ResourceType.GATEWAY)) {
            r.spec(Gateway.class).ifPresent(gw -> gateways.put(NamespacedName.of(r), gw));
        }
        Map<NamespacedName, Resource> kubeGateways = new HashMap<>();
        for (Resource r : context.ofKind(K8S_GATEWAY_GROUP, "Gateway")) {
            kubeGateways.put(NamespacedName.of(r), r);
        }
        for (Resource r : context.ofType(ResourceType.VIRTUAL_SERVICE)) {
            r.spec(VirtualService.class).ifPresent(vs -> analyze(context, r, vs, gateways, kubeGateways));
        }
    }

    private static void analyze(AnalysisContext context, Resource r, VirtualService vs,
            Map<NamespacedName, Gateway> gateways, Map<NamespacedName, Resource> kubeGateways) {
        List<String> vsHosts = vs.getHosts() == null ? List.of()
                : vs.getHosts().stream().filter(Objects::nonNull).toList();
        List<String> refs = vs.getGateways() == null ? List.of() : vs.getGateways();
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            if (ref == null || ref.equals(GatewayRef.MESH)) {
                continue;
            }
            String path = VirtualServicePaths.gateway(i);
            if (GatewayRef.isInternal(ref)) {
                context.report(AnalysisCodes.INTERNAL_GATEWAY_REFERENCE, r, path, String.format("Gateway reference "
                        + "in VirtualService %s is to an implementation-generated internal Gateway: %s.",
                        GoFormat.fullName(r), ref));
                continue;
            }
            NamespacedName name = GatewayRef.resolve(r.namespace(), ref);
            Gateway gw = gateways.get(name);
            Resource kube = gw == null ? kubeGateways.get(name) : null;
            if (gw == null && kube == null) {
                context.report(AnalysisCodes.GATEWAY_NOT_FOUND, r, path,
                        "Referenced gateway not found: " + GoFormat.quote(ref));
            }
            boolean served = gw != null ? servesAny(gw, name.namespace(), vsHosts, r.namespace())
                    : kube != null && kubeServesAny(kube, vsHosts);
            targets.add(new Target(name, path, served));
        }
        Optional<Target> serving = targets.stream().filter(Target::served).findFirst();
        for (Target t : targets) {
            if (t.served()) {
                continue;
            }
            String message = String.format("one or more host %s defined in VirtualService %s not found in Gateway %s.",
                    GoFormat.list(vsHosts), GoFormat.fullName(r), t.name());
            if (serving.isPresent()) {
                context.report(AnalysisCodes.HOST_NOT_IN_THIS_GATEWAY, r, t.path(),
                        message + " The routes still apply through Gateway " + serving.get().name() + ".");
            } else {
                context.report(AnalysisCodes.HOST_NOT_IN_ANY_GATEWAY, r, t.path(), message);
            }
        }
    }

    /**
     * Whether a server host of {@code gw} in {@code gwNamespace} matches a host of a VirtualService of
     * {@code vsNamespace}.
     */
    private static boolean servesAny(Gateway gw, String gwNamespace, List<String> vsHosts, String vsNamespace) {
        if (gw.getServers() == null) {
            return false;
        }
        for (Server server : gw.getServers()) {
            if (server == null || server.getHosts() == null) {
                continue;
            }
            for (String h : server.getHosts()) {
                String host = visibleHost(h, gwNamespace, vsNamespace);
                if (host != null && vsHosts.stream().anyMatch(v -> HostName.matches(host, v))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The host part of server host {@code h} when VirtualServices of {@code vsNamespace} may bind to it,
     * else null (pilot: {@code ./h} is the Gateway's namespace, {@code *} any namespace).
     */
    private static String visibleHost(String h, String gwNamespace, String vsNamespace) {
        if (h == null) {
            return null;
        }
        int slash = h.indexOf('/');
        if (slash < 0) {
            return h;
        }
        String ns = h.substring(0, slash);
        String host = h.substring(slash + 1);
        if (ns.equals(".")) {
            ns = gwNamespace;
        }
        return ns.equals("*") || ns.equals(vsNamespace) ? host : null;
    }

    private static boolean kubeServesAny(Resource gateway, List<String> vsHosts) {
        for (Object listener : PlainTree.list(PlainTree.at(gateway.tree(), "spec", "listeners"))) {
            Object hostname = listener instanceof Map<?, ?> m ? m.get("hostname") : null;
            if (!(hostname instanceof String h) || h.isEmpty()) {
                return true;
            }
            if (vsHosts.stream().anyMatch(v -> HostName.matches(h, v))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A gateway the VirtualService binds to.
     *
     * @param name   what it resolves to
     * @param path   where the VirtualService names it
     * @param served whether it serves one of the VirtualService's hosts
     */
    private record Target(NamespacedName name, String path, boolean served) {
    }
}
