package io.gwctl.validate.rules.legacy;

import io.gwctl.validate.rules.names.DnsNames;
import io.gwctl.validate.rules.names.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name rules of Istio 0.8 (pilot/pkg/model/validation.go at tag 0.8.0), with its messages. Labels are
 * checked as today ({@link DnsNames#isLabel}, upper case allowed), but a 0.8 fully qualified name had no
 * all-numeric top-level check nor a trailing dot, and an EgressRule service took a leading {@code *}
 * wildcard or an IPv4 CIDR block.
 */
final class LegacyNames {

    /** Istio 0.8's {@code qualifiedNameFmt} for label keys and values ("tags"). */
    private static final Pattern TAG = Pattern.compile("[-A-Za-z0-9_./]*");
    private static final int MAX_NAME = 255;

    private LegacyNames() {
    }

    /** {@code IsDNS1123Label} of 0.8: a DNS-1123 label of any case. */
    static boolean isLabel(String value) {
        return DnsNames.isLabel(value);
    }

    /** {@code ValidateFQDN} of 0.8: every dot-separated label a label, 1..255 characters in all. */
    static Optional<String> checkFqdn(String fqdn) {
        if (fqdn.length() > MAX_NAME) {
            return Optional.of(String.format("domain name \"%s\" too long (max 255)", fqdn));
        }
        if (fqdn.isEmpty()) {
            return Optional.of("empty domain name not allowed");
        }
        for (String label : fqdn.split("\\.", -1)) {
            if (!isLabel(label)) {
                return Optional.of(String.format("domain name \"%s\" invalid (label \"%s\" invalid)", fqdn, label));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code ValidateEgressRuleService}: a value with one {@code /} must be an IPv4 CIDR block, anything
     * else a domain that may start with {@code *}, {@code *.} or {@code *-}.
     */
    static Optional<String> checkEgressService(String service) {
        if (service.chars().filter(c -> c == '/').count() == 1) {
            return checkCidr(service);
        }
        if (service.isEmpty()) {
            return Optional.of("domain must not be empty string");
        }
        String domain = service;
        if (domain.charAt(0) == '*') {
            domain = domain.substring(1);
            if (domain.isEmpty()) {
                return Optional.empty();
            }
            if (domain.charAt(0) == '.' || domain.charAt(0) == '-') {
                domain = domain.substring(1);
            }
        }
        return checkFqdn(domain);
    }

    /** Whether {@code service} is written as a CIDR block (Istio: exactly one {@code /}). */
    static boolean isCidrNotation(String service) {
        return service.chars().filter(c -> c == '/').count() == 1;
    }

    /** {@code ValidateIPv4Subnet}: an IPv4 CIDR block, or an IPv4 address. */
    static Optional<String> checkSubnet(String subnet) {
        if (isCidrNotation(subnet)) {
            return checkCidr(subnet);
        }
        Optional<IpAddresses.Address> ip = IpAddresses.parse(subnet);
        if (ip.isEmpty()) {
            return Optional.of(subnet + " is not a valid IP");
        }
        return ip.get().bits() == 32 ? Optional.empty() : Optional.of(subnet + " is not a valid IPv4 address");
    }

    /** {@code validateCIDR} of 0.8. */
    private static Optional<String> checkCidr(String cidr) {
        if (!IpAddresses.isCidr(cidr)) {
            return Optional.of(cidr + " is not a valid CIDR block");
        }
        boolean v4 = IpAddresses.parse(cidr.substring(0, cidr.indexOf('/'))).map(a -> a.bits() == 32).orElse(false);
        return v4 ? Optional.empty() : Optional.of(cidr + " is not a valid IPv4 address");
    }

    /** {@code ValidateHTTPHeaderName} of 0.8: non-empty and lower case. */
    static Optional<String> checkHeaderName(String name) {
        if (name.isEmpty()) {
            return Optional.of("header name cannot be empty");
        }
        return name.toLowerCase(Locale.ROOT).equals(name) ? Optional.empty() : Optional.of("must be in lower case");
    }

    /**
     * {@code Labels.Validate} of 0.8, in the order the labels were written: the messages for each bad key
     * and value, with the key each is about.
     */
    static List<Map.Entry<String, String>> checkLabels(Map<String, String> labels) {
        List<Map.Entry<String, String>> problems = new ArrayList<>();
        labels.forEach((key, value) -> {
            if (!TAG.matcher(key).matches()) {
                problems.add(Map.entry(key, String.format("invalid tag key: \"%s\"", key)));
            }
            String v = value == null ? "" : value;
            if (!TAG.matcher(v).matches()) {
                problems.add(Map.entry(key, String.format("invalid tag value: \"%s\"", v)));
            }
        });
        return problems;
    }
}
