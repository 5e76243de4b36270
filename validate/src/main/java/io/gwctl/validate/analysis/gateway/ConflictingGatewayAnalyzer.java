package io.gwctl.validate.analysis.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.fabric8.istio.api.api.networking.v1alpha3.Server;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.workloads.LabelSelector;
import io.gwctl.validate.analysis.workloads.Workloads;
import io.gwctl.validate.diagnostic.GoFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Two Gateways on one workload must not both declare a host on one port with the same bind address:
 * the proxy merges them and one of them loses. Istio: {@code gateway.ConflictingGatewayAnalyzer}
 * (IST0145), which compares hosts as written ({@code model.CheckDuplicates}), so a wildcard and a name it
 * covers do not conflict (istio/istio#52413).
 *
 * <p>Two Gateways share a workload when their selectors are the same, or when some pod matches both
 * (Istio approximates the latter by one selector string containing the other).
 */
final class ConflictingGatewayAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "gateway.ConflictingGatewayAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        Workloads workloads = Workloads.of(context);
        List<GatewayServers> gateways = new ArrayList<>();
        for (Resource r : context.ofType(ResourceType.GATEWAY)) {
            r.spec(Gateway.class).ifPresent(gw -> gateways.add(new GatewayServers(r, gw)));
        }
        for (GatewayServers gw : gateways) {
            for (int i = 0; i < gw.servers.size(); i++) {
                Server server = gw.servers.get(i);
                if (server == null) {
                    continue;
                }
                TreeSet<String> conflicting = new TreeSet<>();
                for (GatewayServers other : gateways) {
                    if (other != gw && sharedWorkload(workloads, gw.selector, other.selector)
                            && other.servers.stream().anyMatch(s -> s != null && conflict(server, s))) {
                        conflicting.add(GoFormat.fullName(other.resource));
                    }
                }
                if (!conflicting.isEmpty()) {
                    context.report(AnalysisCodes.CONFLICTING_GATEWAYS, gw.resource, GatewayPaths.server(i),
                            String.format("Conflict with gateways %s (workload selector %s, port %d, hosts %s).",
                                    String.join(",", conflicting), gw.selector, port(server),
                                    String.join(",", hosts(server))));
                }
            }
        }
    }

    private static boolean sharedWorkload(Workloads workloads, LabelSelector a, LabelSelector b) {
        return a.equals(b) || workloads.pods().stream().anyMatch(p -> a.matches(p.labels()) && b.matches(p.labels()));
    }

    private static boolean conflict(Server a, Server b) {
        return port(a) == port(b) && Objects.equals(bind(a), bind(b))
                && !Collections.disjoint(hosts(a), hosts(b));
    }

    private static long port(Server s) {
        return s.getPort() == null || s.getPort().getNumber() == null ? 0 : s.getPort().getNumber();
    }

    private static String bind(Server s) {
        return s.getBind() == null ? "" : s.getBind();
    }

    private static List<String> hosts(Server s) {
        return s.getHosts() == null ? List.of() : s.getHosts().stream().filter(Objects::nonNull).toList();
    }

    /** A Gateway with its selector and its servers (entries may be null). */
    private static final class GatewayServers {
        final Resource resource;
        final LabelSelector selector;
        final List<Server> servers;

        GatewayServers(Resource resource, Gateway gw) {
            this.resource = resource;
            this.selector = LabelSelector.of(gw.getSelector());
            this.servers = gw.getServers() == null ? List.of() : gw.getServers();
        }
    }
}
