package io.gwctl.validate.rules.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.protocol.Protocol;
import java.util.List;
import java.util.Set;

/**
 * Several hosts on one ServiceEntry can only share a port whose traffic names its host: HTTP (the Host
 * header) or TLS (SNI). For plain TCP the proxy cannot tell them apart, unless the resolution is NONE and
 * the hosts are ignored anyway. Istio: {@code ValidateServiceEntry}
 * ("multiple hosts provided with non-HTTP, non-TLS ports"), reported once, at the first such port.
 */
final class MultipleHostsRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.SERVICE_ENTRY);
    }

    @Override
    public void check(RuleContext context) {
        ServiceEntry entry = context.spec(ServiceEntry.class);
        if (Resolutions.of(entry) == ServiceEntryResolution.NONE || entry.getHosts() == null
                || entry.getHosts().size() <= 1 || entry.getPorts() == null) {
            return;
        }
        List<ServicePort> ports = entry.getPorts();
        for (int i = 0; i < ports.size(); i++) {
            ServicePort port = ports.get(i);
            if (port == null) {
                continue;
            }
            Protocol protocol = Protocol.parse(port.getProtocol());
            if (!protocol.isHttp() && !protocol.isTls()) {
                context.report(ServiceEntryCodes.MULTIPLE_HOSTS_NON_HTTP, ServiceEntryPaths.port(i),
                        "multiple hosts provided with non-HTTP, non-TLS ports");
                return;
            }
        }
    }
}
