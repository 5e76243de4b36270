package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.TLSMatchAttributes;
import io.fabric8.istio.api.api.networking.v1alpha3.TLSRoute;
import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.names.DnsNames;
import java.util.List;
import java.util.Optional;

/**
 * How a VirtualService's hosts are read: whether it is bound to gateways or the mesh, Istio's wildcard host
 * matching ({@code pkg/config/host.Name.Matches}, {@code SubsetOf}), and the host check for VirtualServices
 * bound to a gateway ({@code agent.ValidateWildcardDomainForVirtualServiceBoundToGateway}).
 */
final class HostNames {

    /** The reserved gateway name for the sidecars of the mesh. */
    static final String MESH = "mesh";

    private static final String OUTBOUND_PREFIX = "outbound_";
    private static final String OUTBOUND_FORMAT = "outbound_.<PORT>_._.<HOSTNAME>";

    private HostNames() {
    }

    /**
     * Whether the VirtualService applies to gateways only: it lists gateways and {@code mesh} is not one of
     * them. Istio's {@code ValidateVirtualService} ({@code appliesToGateway}).
     */
    static boolean boundToGateways(VirtualService vs) {
        List<String> gateways = ZeroValues.list(vs.getGateways());
        return !gateways.isEmpty() && !gateways.contains(MESH);
    }

    /**
     * Istio's {@code isGateway}, used for SNI hosts: true unless {@code mesh} is listed, so also true for a
     * VirtualService with no gateways at all.
     */
    static boolean notMesh(VirtualService vs) {
        return !ZeroValues.list(vs.getGateways()).contains(MESH);
    }

    /** Whether any TLS match has SNI hosts (Istio's {@code isSniHost}). */
    static boolean hasSniHosts(VirtualService vs) {
        for (TLSRoute tls : ZeroValues.list(vs.getTls())) {
            for (TLSMatchAttributes match : tls == null ? List.<TLSMatchAttributes>of() : ZeroValues.list(tls.getMatch())) {
                if (match != null && !ZeroValues.list(match.getSniHosts()).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A host of a VirtualService bound to a gateway: a wildcard domain, or for SNI hosts also the name Istio
     * generates for AUTO_PASSTHROUGH, {@code outbound_.<PORT>_._.<HOSTNAME>}.
     */
    static Optional<String> checkBoundToGateway(boolean sni, String domain) {
        if (!sni || domain.isEmpty() || domain.length() > 255 || !domain.startsWith(OUTBOUND_PREFIX)) {
            return DnsNames.checkWildcardDomain(domain);
        }
        String[] parts = domain.split("_", -1);
        if (parts.length < 4) {
            return Optional.of("domain name " + domain + " invalid, should follow '" + OUTBOUND_FORMAT + "' format");
        }
        String port = trimDots(parts[1]);
        String hostname = trimDots(parts[3]);
        if (port.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(outboundLabelInvalid(domain, port));
        }
        if (hostname.chars().noneMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            return Optional.of(outboundLabelInvalid(domain, hostname));
        }
        return Optional.empty();
    }

    /**
     * Whether two hosts overlap: equal, or one wildcard covers the other ({@code *.com} and {@code foo.com};
     * {@code *} and anything). {@code *.foo.com} does not match {@code foo.com}.
     */
    static boolean matches(String a, String b) {
        boolean aWild = a.startsWith("*");
        boolean bWild = b.startsWith("*");
        if (aWild && bWild) {
            return a.length() < b.length()
                    ? b.substring(1).endsWith(a.substring(1))
                    : a.substring(1).endsWith(b.substring(1));
        }
        if (aWild) {
            return b.endsWith(a.substring(1));
        }
        if (bWild) {
            return a.endsWith(b.substring(1));
        }
        return a.equals(b);
    }

    /** Whether {@code a} is covered by {@code b}: {@link #matches} in one direction only. */
    static boolean subsetOf(String a, String b) {
        boolean aWild = a.startsWith("*");
        boolean bWild = b.startsWith("*");
        if (aWild) {
            return bWild && a.length() >= b.length() && a.substring(1).endsWith(b.substring(1));
        }
        if (bWild) {
            return a.endsWith(b.substring(1));
        }
        return a.equals(b);
    }

    private static String outboundLabelInvalid(String domain, String label) {
        return "domain name " + GoFormat.quote(domain) + " invalid (label " + GoFormat.quote(label)
                + " invalid). should follow " + OUTBOUND_FORMAT + " format";
    }

    private static String trimDots(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '.') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(start, end);
    }
}
