package io.gwctl.validate.analysis.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.workloads.KubeService;
import io.gwctl.validate.analysis.workloads.LabelSelector;
import io.gwctl.validate.analysis.workloads.Workload;
import io.gwctl.validate.analysis.workloads.Workloads;
import io.gwctl.validate.diagnostic.GoFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Gateway's selector must select a gateway workload, and each server port must be reachable through a
 * Service in front of that workload: a TCP target port (the port the proxy listens on), or a Service
 * port. Istio: {@code gateway.IngressGatewayPortAnalyzer} (IST0101 selector, IST0162).
 *
 * <p>A Service without a selector selects no pods, as in Kubernetes (Istio's analyzer would take it as
 * selecting every pod of its namespace).
 */
final class IngressGatewayPortAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "gateway.IngressGatewayPortAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        Workloads workloads = Workloads.of(context);
        for (Resource r : context.ofType(ResourceType.GATEWAY)) {
            r.spec(Gateway.class).ifPresent(gw -> analyze(context, workloads, r, gw));
        }
    }

    private static void analyze(AnalysisContext context, Workloads workloads, Resource r, Gateway gw) {
        LabelSelector selector = LabelSelector.of(gw.getSelector());
        List<Workload> pods = workloads.podsSelectedBy(selector);
        if (pods.isEmpty()) {
            context.report(AnalysisCodes.GATEWAY_SELECTOR_NOT_FOUND, r, GatewayPaths.selector(selector.firstKey()),
                    "Referenced selector not found: " + GoFormat.quote(selector.toString()));
            return;
        }
        Set<Integer> reachable = new HashSet<>();
        for (Workload pod : pods) {
            for (KubeService svc : workloads.services()) {
                if (svc.namespace().equals(pod.namespace()) && !svc.selector().isEmpty()
                        && svc.selector().matches(pod.labels())) {
                    for (KubeService.Port port : svc.ports()) {
                        if ("TCP".equals(port.protocol())) {
                            reachable.add(port.port());
                            if (port.targetPort() != 0) {
                                reachable.add(port.targetPort());
                            }
                        }
                    }
                }
            }
        }
        List<Server> servers = gw.getServers() == null ? List.of() : gw.getServers();
        for (int i = 0; i < servers.size(); i++) {
            Server server = servers.get(i);
            if (server == null || server.getPort() == null || server.getPort().getNumber() == null) {
                continue;
            }
            long number = server.getPort().getNumber();
            if (!reachable.contains((int) number)) {
                context.report(AnalysisCodes.GATEWAY_PORT_NOT_ON_SERVICE, r, GatewayPaths.portNumber(i), String.format(
                        "The gateway is listening on a target port (port %d) that is not defined in the Service "
                                + "associated with its workload instances (Pod selector %s). If you need to access "
                                + "the gateway port through the gateway Service, it will not be available.",
                        number, selector));
            }
        }
    }
}
