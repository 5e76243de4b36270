package io.gwctl.validate.rules.virtualservice;

import io.fabric8.istio.api.api.networking.v1alpha3.VirtualService;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.diagnostic.GoFormat;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.names.DnsNames;
import io.gwctl.validate.rules.names.IpAddresses;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The connection attributes of matches: a port in 1..65535 (0 means any), source labels that are valid
 * Kubernetes label keys and values, an HTTP match's {@code sourceNamespace} a DNS label, and a TLS or TCP
 * match's {@code destinationSubnets} IPs or CIDR blocks. Istio {@code validateHTTPRouteMatchRequest},
 * {@code validateTLSMatch}, {@code validateTCPMatch}, {@code labels.Instance.Validate},
 * {@code agent.ValidateIPSubnet}.
 */
final class MatchAttributesRule implements ResourceRule {

    private static final String LABEL = "[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?";
    private static final String QUALIFIED_NAME = "(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    /** A label key: an optional DNS-name prefix and {@code /}, then a qualified name. */
    private static final Pattern LABEL_KEY =
            Pattern.compile("(" + LABEL + "(?:\\." + LABEL + ")*/)?(" + QUALIFIED_NAME + ")");
    /** A label value: empty, or a qualified name. */
    private static final Pattern LABEL_VALUE = Pattern.compile("(" + QUALIFIED_NAME + ")?");
    private static final int MAX_PREFIX = 253;
    private static final int MAX_NAME = 63;

    @Override
    public Set<ResourceType> kinds() {
        return Set.of(ResourceType.VIRTUAL_SERVICE);
    }

    @Override
    public void check(RuleContext context) {
        VirtualService vs = context.spec(VirtualService.class);
        RouteMatches.http(vs, (match, path) -> {
            port(context, match.getPort(), path);
            labels(context, match.getSourceLabels(), path);
            String namespace = ZeroValues.text(match.getSourceNamespace());
            if (!namespace.isEmpty() && !DnsNames.isLabel(namespace)) {
                context.report(VirtualServiceCodes.MATCH_SOURCE, VirtualServicePaths.field(path, "sourceNamespace"),
                        "sourceNamespace match " + namespace + " is invalid");
            }
        });
        RouteMatches.tls(vs, (match, path) -> {
            subnets(context, match.getDestinationSubnets(), path);
            port(context, match.getPort(), path);
            labels(context, match.getSourceLabels(), path);
        });
        RouteMatches.tcp(vs, (match, path) -> {
            subnets(context, match.getDestinationSubnets(), path);
            port(context, match.getPort(), path);
            labels(context, match.getSourceLabels(), path);
        });
    }

    private static void port(RuleContext context, Long port, String match) {
        long number = ZeroValues.number(port);
        if (number != 0) {
            PortRange.check(number).ifPresent(m ->
                    context.report(VirtualServiceCodes.MATCH_PORT, VirtualServicePaths.field(match, "port"), m));
        }
    }

    private static void labels(RuleContext context, Map<String, String> labels, String match) {
        String parent = VirtualServicePaths.field(match, "sourceLabels");
        ZeroValues.map(labels).forEach((k, v) -> {
            String key = ZeroValues.text(k);
            String path = VirtualServicePaths.field(parent, key);
            Matcher m = LABEL_KEY.matcher(key);
            if (!m.matches()) {
                context.report(VirtualServiceCodes.MATCH_SOURCE, path, "invalid tag key: " + GoFormat.quote(key));
            } else if (m.group(1) != null && m.group(1).length() - 1 > MAX_PREFIX) {
                context.report(VirtualServiceCodes.MATCH_SOURCE, path,
                        "invalid tag key: " + GoFormat.quote(key) + " (DNS prefix is too long)");
            } else if (m.group(2).length() > MAX_NAME) {
                context.report(VirtualServiceCodes.MATCH_SOURCE, path,
                        "invalid tag key: " + GoFormat.quote(key) + " (name is too long)");
            }
            String value = ZeroValues.text(v);
            if (!LABEL_VALUE.matcher(value).matches()) {
                context.report(VirtualServiceCodes.MATCH_SOURCE, path, "invalid tag value: " + GoFormat.quote(value));
            }
        });
    }

    /** Istio {@code agent.ValidateIPSubnet}: with one {@code /} a CIDR block, otherwise an IP address. */
    private static void subnets(RuleContext context, List<String> subnets, String match) {
        String parent = VirtualServicePaths.field(match, "destinationSubnets");
        List<String> items = ZeroValues.list(subnets);
        for (int k = 0; k < items.size(); k++) {
            String subnet = ZeroValues.text(items.get(k));
            boolean cidr = subnet.indexOf('/') >= 0 && subnet.indexOf('/') == subnet.lastIndexOf('/');
            if (cidr && !IpAddresses.isCidr(subnet)) {
                context.report(VirtualServiceCodes.DESTINATION_SUBNET, VirtualServicePaths.item(parent, k),
                        subnet + " is not a valid CIDR block");
            } else if (!cidr && IpAddresses.parse(subnet).isEmpty()) {
                context.report(VirtualServiceCodes.DESTINATION_SUBNET, VirtualServicePaths.item(parent, k),
                        subnet + " is not a valid IP");
            }
        }
    }
}
