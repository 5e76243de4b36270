package io.gwctl.validate.rules.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import io.gwctl.validate.rules.protocol.Protocol;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ports of a ServiceEntry: each is set, uniquely named with a DNS-1123 label and uniquely numbered
 * in 1..65535, with a protocol Istio knows and a {@code targetPort} in range when given. Istio:
 * {@code ValidateServiceEntry} ("service entry port may not be null",
 * "service entry port name %q already defined", "service entry port %d already defined"),
 * {@code ValidatePortName} ("invalid port name: %s"), {@code ValidateProtocol} ("unsupported protocol: %s"),
 * {@code agent.ValidatePort}.
 *
 * <p>A plain TCP port (protocol TCP or unset) of a ServiceEntry without addresses can only be told apart by
 * an automatically allocated address; where Istio allocates none (resolution NONE, or the
 * {@code networking.istio.io/enable-autoallocate-ip: "false"} label) that is a warning.
 *
 * <p>The CRD's CEL rules "port number cannot be duplicated" and "port must be between 1-65535" reject what
 * these checks do, except an explicit {@code targetPort: 0}, which Istio takes as unset and the API server
 * refuses: that one is reported with the API server's message ({@code GW0530}).
 */
final class PortRule implements ResourceRule {

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.SERVICE_ENTRY);
    }

    @Override
    public void check(RuleContext context) {
        ServiceEntry entry = context.spec(ServiceEntry.class);
        List<ServicePort> ports = entry.getPorts();
        if (ports == null) {
            return;
        }
        boolean noAddresses = entry.getAddresses() == null || entry.getAddresses().isEmpty();
        boolean autoAllocated = noAddresses && Resolutions.of(entry) != ServiceEntryResolution.NONE
                && !"false".equalsIgnoreCase(ObjectLabels.of(context.resource()).get(ObjectLabels.AUTOALLOCATE));
        Set<String> names = new HashSet<>();
        Set<Long> numbers = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            ServicePort port = ports.get(i);
            String path = ServiceEntryPaths.port(i);
            if (port == null) {
                context.report(ServiceEntryCodes.PORT, path, "service entry port may not be null");
                continue;
            }
            String name = port.getName() == null ? "" : port.getName();
            long number = port.getNumber() == null ? 0 : port.getNumber();
            String protocol = port.getProtocol() == null ? "" : port.getProtocol();
            if (!names.add(name)) {
                context.report(ServiceEntryCodes.PORT_DUPLICATE, path + ".name",
                        "service entry port name \"%s\" already defined", name);
            }
            if (!numbers.add(number)) {
                context.report(ServiceEntryCodes.PORT_DUPLICATE, path + ".number",
                        "service entry port %d already defined", number);
            }
            checkTargetPort(context, path + ".targetPort", port.getTargetPort());
            if (noAddresses && !autoAllocated && (protocol.isEmpty() || protocol.equals("TCP"))) {
                context.report(ServiceEntryCodes.ADDRESSES_REQUIRED, path,
                        "addresses are required for ports serving TCP (or unset) protocol when IP Autoallocation is "
                                + "not enabled");
            }
            if (!DnsNames.isLabel(name)) {
                context.report(ServiceEntryCodes.PORT, path + ".name", "invalid port name: %s", name);
            }
            if (!protocol.isEmpty() && Protocol.parse(protocol) == Protocol.UNSUPPORTED) {
                context.report(ServiceEntryCodes.PORT, path + ".protocol", "unsupported protocol: %s", protocol);
            }
            checkRange(context, path + ".number", number);
        }
    }

    private static void checkTargetPort(RuleContext context, String path, Long targetPort) {
        if (targetPort == null) {
            return;
        }
        if (targetPort == 0) {
            context.report(ServiceEntryCodes.CEL_TARGET_PORT, path, "port must be between 1-65535");
        } else {
            checkRange(context, path, targetPort);
        }
    }

    private static void checkRange(RuleContext context, String path, long number) {
        if (number < 1 || number > 65535) {
            context.report(ServiceEntryCodes.PORT, path, "port number %d must be in the range 1..65535", number);
        }
    }
}
