package io.gwctl.validate.analysis.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.PlainTree;
import java.util.List;

/**
 * A ServiceEntry port with protocol TCP (or none) is told apart from other TCP traffic only by the
 * destination address, so the entry needs {@code addresses} (or addresses Istio allocated, in
 * {@code status.addresses}). Istio: {@code serviceentry.Analyzer} (IST0134). gwctl reads no MeshConfig,
 * so DNS auto-allocation counts as off, its default.
 */
final class ProtocolAddressesAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "serviceentry.Analyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        for (Resource r : context.ofType(ResourceType.SERVICE_ENTRY)) {
            ServiceEntry se = r.spec(ServiceEntry.class).orElse(null);
            if (se == null || se.getPorts() == null || (se.getAddresses() != null && !se.getAddresses().isEmpty())
                    || !PlainTree.list(PlainTree.at(r.tree(), "status", "addresses")).isEmpty()) {
                continue;
            }
            List<ServicePort> ports = se.getPorts();
            for (int i = 0; i < ports.size(); i++) {
                ServicePort port = ports.get(i);
                if (port != null && (port.getProtocol() == null || port.getProtocol().isEmpty()
                        || port.getProtocol().equalsIgnoreCase("TCP"))) {
                    context.report(AnalysisCodes.SERVICE_ENTRY_ADDRESSES_REQUIRED, r, ServiceEntryPaths.portProtocol(i),
                            "ServiceEntry addresses are required for this protocol.");
                }
            }
        }
    }
}
