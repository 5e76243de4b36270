package io.gwctl.translate.legacy;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntryResolution;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePortBuilder;
import io.fabric8.istio.api.networking.v1.ServiceEntry;
import io.fabric8.istio.api.networking.v1.ServiceEntryBuilder;
import io.gwctl.model.legacy.EgressRuleSpec;
import io.gwctl.model.resource.Resource;
import io.gwctl.translate.convert.ConvertedFrom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an EgressRule into a ServiceEntry, following istioctl's {@code convertEgressRules}
 * (istioctl/pkg/convert/egress.go): same name and namespace, the destination as the host, an IPv4 CIDR as
 * {@code addresses} with a made-up host {@code <name>.<namespace>.svc.cluster.local}, ports named
 * {@code <protocol>-<port>}, resolution {@code NONE}. A legacy suffix wildcard such as {@code *google.com}
 * is no longer a valid host, so it becomes {@code google.com} plus {@code *.google.com}.
 */
final class EgressConversion {

    private static final Pattern CIDR = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");

    private EgressConversion() {
    }

    /** The ServiceEntry, or null when the rule names no destination (reported as a failure by the caller). */
    static ServiceEntry convert(Resource from, EgressRuleSpec spec, LegacyNotes notes) {
        String service = spec.destination() == null ? "" : spec.destination().service();
        if (service.isEmpty() && spec.destination() != null) {
            service = spec.destination().name();
        }
        if (service.isEmpty()) {
            return null;
        }
        List<String> hosts = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        if (CIDR.matcher(service).matches()) {
            addresses.add(service);
            hosts.add(from.name() + "." + from.namespace() + ".svc." + LegacyHosts.DEFAULT_DOMAIN);
            notes.info(from, "spec.destination.service",
                    "an address range has no host name: the ServiceEntry gets host " + hosts.get(0));
        } else if (service.startsWith("*") && !service.startsWith("*.") && service.length() > 1) {
            String domain = service.substring(1);
            hosts.add(domain);
            hosts.add("*." + domain);
            notes.warn(from, "spec.destination.service", "suffix wildcard \"" + service
                    + "\" is not a valid host: converted to " + domain + " and *." + domain
                    + ", which no longer match names that merely end in " + domain);
        } else {
            hosts.add(service);
        }
        List<ServicePort> ports = new ArrayList<>();
        for (int i = 0; i < spec.ports().size(); i++) {
            EgressRuleSpec.Port p = spec.ports().get(i);
            if (p == null) {
                continue;
            }
            String protocol = p.protocol();
            if (protocol.isEmpty()) {
                protocol = "http";
                notes.warn(from, "spec.ports[" + i + "].protocol", "no protocol: assumed http");
            }
            ports.add(new ServicePortBuilder().withNumber((long) p.port()).withProtocol(protocol)
                    .withName(protocol.toLowerCase(Locale.ROOT) + "-" + p.port()).build());
        }
        if (spec.useEgressProxy()) {
            notes.warn(from, "spec.useEgressProxy", "routing through an egress proxy is not converted: dropped");
        }
        return new ServiceEntryBuilder()
                .withNewMetadata().withName(from.name()).withNamespace(from.namespace())
                .withAnnotations(Map.of(ConvertedFrom.ANNOTATION, from.key().toString())).endMetadata()
                .withNewSpec().withHosts(hosts).withAddresses(addresses.isEmpty() ? null : addresses)
                .withPorts(ports).withResolution(ServiceEntryResolution.NONE).endSpec()
                .build();
    }
}
