package io.gwctl.validate.rules.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.List;
import java.util.Set;

/**
 * A ServiceEntry names at least one host; each is a domain that may start with a wildcard label, but not
 * {@code *} alone. A wildcard inside a label ({@code foo*.com}) is only a warning, and allowed with
 * DYNAMIC_DNS. Istio: {@code ValidateServiceEntry} ("service entry must have at least one host",
 * "invalid host *"), {@code agent.ValidateWildcardDomain}, {@code agent.ValidatePartialWildCard}
 * ("partial wildcard %q not allowed").
 *
 * <p>The CRD's CEL rule "hostname cannot be wildcard" rejects exactly what "invalid host *" does.
 */
final class HostRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.SERVICE_ENTRY);
    }

    @Override
    public void check(RuleContext context) {
        ServiceEntry entry = context.spec(ServiceEntry.class);
        List<String> hosts = entry.getHosts() == null ? List.of() : entry.getHosts();
        if (hosts.isEmpty()) {
            context.report(ServiceEntryCodes.NO_HOSTS, ServiceEntryPaths.HOSTS,
                    "service entry must have at least one host");
        }
        boolean dynamicDns = entry.getResolution() == ServiceEntryResolution.DYNAMIC_DNS;
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i) == null ? "" : hosts.get(i);
            String path = ServiceEntryPaths.host(i);
            if (host.equals("*")) {
                context.report(ServiceEntryCodes.HOST, path, "invalid host *");
                continue;
            }
            DnsNames.checkWildcardDomain(host).ifPresent(m -> context.report(ServiceEntryCodes.HOST, path, m));
            if (!dynamicDns && host.contains("*") && !host.startsWith("*.")) {
                context.report(ServiceEntryCodes.HOST_PARTIAL_WILDCARD, path, "partial wildcard \"%s\" not allowed", host);
            }
        }
    }
}
