package io.gwctl.validate.rules.names;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DNS name checks shared by every kind, with Istio's messages (pkg/config/validation/agent:
 * {@code ValidateWildcardDomain}, {@code ValidateDNS1123Labels}, {@code CheckDNS1123Preconditions}).
 *
 * <p>Each check returns the message Istio would give, or empty when the name is valid.
 */
public final class DnsNames {

    /**
     * A DNS-1123 label as Istio checks it ({@code labels.IsDNS1123Label}): alphanumerics and '-', starting
     * and ending alphanumeric. Unlike Kubernetes, Istio accepts upper case.
     */
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?");
    /** A first label that may be {@code *}, or start with {@code *} or {@code *-}. */
    private static final Pattern WILDCARD_LABEL = Pattern.compile("\\*|(\\*|\\*-)?[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?");
    private static final int MAX_LABEL = 63;
    private static final int MAX_NAME = 255;

    private DnsNames() {
    }

    /** Whether {@code value} is a DNS-1123 label (at most 63 characters). */
    public static boolean isLabel(String value) {
        return value.length() <= MAX_LABEL && LABEL.matcher(value).matches();
    }

    /**
     * A domain that may start with a wildcard label ({@code *.example.com}, {@code *}); IP addresses pass
     * as their labels are numeric but the top-level label is checked for being all-numeric only when
     * the whole name is not an IP (callers that accept IPs check that first).
     */
    public static Optional<String> checkWildcardDomain(String domain) {
        Optional<String> pre = checkPreconditions(domain);
        if (pre.isPresent()) {
            return pre;
        }
        int dot = domain.indexOf('.');
        String first = dot < 0 ? domain : domain.substring(0, dot);
        if (first.length() > MAX_LABEL || !WILDCARD_LABEL.matcher(first).matches()) {
            return Optional.of(String.format("domain name \"%s\" invalid (label \"%s\" invalid)", domain, first));
        }
        return dot < 0 ? Optional.empty() : checkLabels(domain, domain.substring(dot + 1));
    }

    /** A fully qualified name without wildcards: every label a DNS-1123 label, the last not all-numeric. */
    public static Optional<String> checkFqdn(String domain) {
        Optional<String> pre = checkPreconditions(domain);
        return pre.isPresent() ? pre : checkLabels(domain, domain);
    }

    /** Whether {@code value} is an IPv4 or IPv6 address literal. */
    public static boolean isIp(String value) {
        return IpAddresses.parse(value).isPresent();
    }

    private static Optional<String> checkPreconditions(String domain) {
        if (domain.length() > MAX_NAME) {
            return Optional.of(String.format("domain name \"%s\" too long (max 255)", domain));
        }
        if (domain.isEmpty()) {
            return Optional.of("empty domain name not allowed");
        }
        return Optional.empty();
    }

    private static Optional<String> checkLabels(String whole, String labels) {
        String[] parts = labels.split("\\.", -1);
        String top = parts[parts.length - 1];
        if (!top.isEmpty() && top.chars().allMatch(Character::isDigit)) {
            return Optional.of(String.format(
                    "domain name \"%s\" invalid (top level domain \"%s\" cannot be all-numeric)", whole, top));
        }
        for (int i = 0; i < parts.length; i++) {
            boolean trailingDot = i == parts.length - 1 && parts[i].isEmpty();
            if (!trailingDot && !isLabel(parts[i])) {
                return Optional.of(String.format("domain name \"%s\" invalid (label \"%s\" invalid)", whole, parts[i]));
            }
        }
        return Optional.empty();
    }
}
