package io.gwctl.validate.rules.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.fabric8.istio.api.api.networking.v1alpha3.WorkloadEntry;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.common.Labels;
import io.gwctl.validate.rules.names.DnsNames;
import io.gwctl.validate.rules.names.IpAddresses;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The endpoints of a STATIC or DNS ServiceEntry (other resolutions take none, see their rules).
 * <ul>
 *   <li>STATIC, after Istio's {@code validateWorkloadEntry}: an IP address or a {@code unix://} socket
 *       (absolute path or {@code @abstract}, no ports, exactly one service port), or only a network (a
 *       warning); "address is required", "endpoint address %q is not a valid IP address",
 *       "unix endpoint %s must not include ports", "exactly 1 service port required for unix endpoints".</li>
 *   <li>DNS and DNS_ROUND_ROBIN: an IP or a resolvable name,
 *       "endpoint address %q is not a valid FQDN or an IP address".</li>
 *   <li>Both: each port is a port of the ServiceEntry with a valid name and number
 *       ("endpoint port %v is not defined by the service entry"), and labels are valid.</li>
 * </ul>
 * Istio stops checking an endpoint once its address is missing; gwctl goes on, to show every problem.
 *
 * <p>The CRD's CEL rules on endpoints reject what these checks do, except a port name of exactly 63
 * characters, which the CRD refuses ({@code size(key) < 63}) and Istio accepts: that one is reported with
 * the API server's message "port name must be valid" ({@code GW0531}).
 */
final class EndpointRule implements ResourceRule {

    private static final String UNIX = "unix://";
    private static final int CEL_MAX_PORT_NAME = 62;

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.SERVICE_ENTRY);
    }

    @Override
    public void check(RuleContext context) {
        ServiceEntry entry = context.spec(ServiceEntry.class);
        ServiceEntryResolution resolution = Resolutions.of(entry);
        boolean dns = Resolutions.isDns(resolution);
        if ((resolution != ServiceEntryResolution.STATIC && !dns) || entry.getEndpoints() == null) {
            return;
        }
        Set<String> servicePorts = portNames(entry.getPorts());
        List<WorkloadEntry> endpoints = entry.getEndpoints();
        for (int i = 0; i < endpoints.size(); i++) {
            WorkloadEntry endpoint = endpoints.get(i);
            if (endpoint == null) {
                context.report(ServiceEntryCodes.ENDPOINT_NULL, ServiceEntryPaths.endpoint(i), "endpoint cannot be nil");
                continue;
            }
            if (dns) {
                checkDnsAddress(context, i, endpoint);
            } else {
                checkStaticAddress(context, i, endpoint, servicePorts);
            }
            checkPorts(context, i, endpoint, servicePorts);
            for (Labels.Problem problem : Labels.check(endpoint.getLabels())) {
                context.report(ServiceEntryCodes.ENDPOINT_LABELS, ServiceEntryPaths.endpointLabel(i, problem.key()),
                        problem.message());
            }
        }
    }

    private static void checkDnsAddress(RuleContext context, int i, WorkloadEntry endpoint) {
        String address = endpoint.getAddress() == null ? "" : endpoint.getAddress();
        if (IpAddresses.parse(address).isEmpty() && DnsNames.checkFqdn(address).isPresent()) {
            context.report(ServiceEntryCodes.ENDPOINT_ADDRESS, ServiceEntryPaths.endpoint(i) + ".address",
                    "endpoint address \"%s\" is not a valid FQDN or an IP address", address);
        }
    }

    private static void checkStaticAddress(RuleContext context, int i, WorkloadEntry endpoint,
            Set<String> servicePorts) {
        String path = ServiceEntryPaths.endpoint(i);
        String address = endpoint.getAddress() == null ? "" : endpoint.getAddress();
        String network = endpoint.getNetwork() == null ? "" : endpoint.getNetwork();
        if (address.isEmpty()) {
            if (network.isEmpty()) {
                context.report(ServiceEntryCodes.ENDPOINT_ADDRESS, path, "address is required");
            } else {
                context.report(ServiceEntryCodes.ENDPOINT_NETWORK_ONLY, path + ".network",
                        "address is unset with network \"%s\"", network);
            }
            return;
        }
        if (address.startsWith(UNIX)) {
            String socket = address.substring(UNIX.length());
            if (socket.isEmpty()) {
                context.report(ServiceEntryCodes.ENDPOINT_ADDRESS, path + ".address", "unix address must not be empty");
            } else if (!socket.startsWith("@") && (!socket.startsWith("/") || socket.endsWith("/"))) {
                context.report(ServiceEntryCodes.ENDPOINT_ADDRESS, path + ".address",
                        "%s is not an absolute path to a file", socket);
            }
            if (endpoint.getPorts() != null && !endpoint.getPorts().isEmpty()) {
                context.report(ServiceEntryCodes.ENDPOINT_PORT, path + ".ports", "unix endpoint %s must not include ports",
                        address);
            }
            if (servicePorts.size() != 1) {
                context.report(ServiceEntryCodes.ENDPOINT_PORT, path + ".address",
                        "exactly 1 service port required for unix endpoints");
            }
        } else if (IpAddresses.parse(address).isEmpty()) {
            context.report(ServiceEntryCodes.ENDPOINT_ADDRESS, path + ".address",
                    "endpoint address \"%s\" is not a valid IP address", address);
        }
    }

    private static void checkPorts(RuleContext context, int i, WorkloadEntry endpoint, Set<String> servicePorts) {
        Map<String, Long> ports = endpoint.getPorts();
        if (ports == null) {
            return;
        }
        for (Map.Entry<String, Long> port : ports.entrySet()) {
            String name = port.getKey() == null ? "" : port.getKey();
            long number = port.getValue() == null ? 0 : port.getValue();
            String path = ServiceEntryPaths.endpointPort(i, name);
            if (!servicePorts.contains(name)) {
                context.report(ServiceEntryCodes.ENDPOINT_PORT, path,
                        "endpoint port %d is not defined by the service entry", number);
            }
            if (!DnsNames.isLabel(name)) {
                context.report(ServiceEntryCodes.ENDPOINT_PORT, path, "invalid port name: %s", name);
            } else if (name.length() > CEL_MAX_PORT_NAME) {
                context.report(ServiceEntryCodes.CEL_ENDPOINT_PORT_NAME, path, "port name must be valid");
            }
            if (number < 1 || number > 65535) {
                context.report(ServiceEntryCodes.ENDPOINT_PORT, path, "port number %d must be in the range 1..65535",
                        number);
            }
        }
    }

    /** The names of the ServiceEntry's ports, which endpoint ports refer to. */
    private static Set<String> portNames(List<ServicePort> ports) {
        Set<String> names = new HashSet<>();
        if (ports != null) {
            ports.stream().filter(Objects::nonNull).forEach(p -> names.add(p.getName() == null ? "" : p.getName()));
        }
        return names;
    }
}
