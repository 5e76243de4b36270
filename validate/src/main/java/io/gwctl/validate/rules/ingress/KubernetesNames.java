package io.gwctl.validate.rules.ingress;

import io.gwctl.validate.rules.names.IpAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Kubernetes name checks Ingress validation uses (k8s.io/apimachinery
 * {@code pkg/util/validation/validation.go} and {@code pkg/api/validate/content}), with their messages.
 * They are Kubernetes' rules, not Istio's: a subdomain's labels may be longer than 63 characters, a
 * wildcard must be exactly {@code *.} at the start. Each check returns all its messages; empty when valid.
 */
final class KubernetesNames {

    private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";
    private static final String WILDCARD_SUBDOMAIN = "\\*\\." + SUBDOMAIN;
    private static final String DNS1035_LABEL = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern SUBDOMAIN_PATTERN = Pattern.compile(SUBDOMAIN);
    private static final Pattern WILDCARD_PATTERN = Pattern.compile(WILDCARD_SUBDOMAIN);
    private static final Pattern DNS1035_PATTERN = Pattern.compile(DNS1035_LABEL);
    private static final Pattern PORT_NAME_CHARS = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");
    private static final int MAX_SUBDOMAIN = 253;
    private static final int MAX_LABEL = 63;
    private static final int MAX_PORT_NAME = 15;

    private KubernetesNames() {
    }

    /** {@code IsDNS1123Subdomain}: {@code example.com}. */
    static List<String> checkSubdomain(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > MAX_SUBDOMAIN) {
            errors.add(maxLength(MAX_SUBDOMAIN));
        }
        if (!SUBDOMAIN_PATTERN.matcher(value).matches()) {
            errors.add(regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
                    + " '-' or '.', and must start and end with an alphanumeric character", SUBDOMAIN, "example.com"));
        }
        return errors;
    }

    /** {@code IsWildcardDNS1123Subdomain}: {@code *.example.com}. */
    static List<String> checkWildcardSubdomain(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > MAX_SUBDOMAIN) {
            errors.add(maxLength(MAX_SUBDOMAIN));
        }
        if (!WILDCARD_PATTERN.matcher(value).matches()) {
            errors.add(regexError("a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS"
                    + " subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with"
                    + " an alphanumeric character", WILDCARD_SUBDOMAIN, "*.example.com"));
        }
        return errors;
    }

    /** A host as Ingress validation takes it: a wildcard subdomain when it has a {@code *}, else a subdomain. */
    static List<String> checkHost(String host) {
        return host.contains("*") ? checkWildcardSubdomain(host) : checkSubdomain(host);
    }

    /** Whether {@code value} is an IP address ({@code netutils.ParseIPSloppy}). */
    static boolean isIp(String value) {
        return IpAddresses.parse(value).isPresent();
    }

    /** {@code IsDNS1035Label}, which {@code ValidateServiceName} applies to a backend's service name. */
    static List<String> checkDns1035Label(String value) {
        List<String> errors = new ArrayList<>();
        if (value.length() > MAX_LABEL) {
            errors.add(maxLength(MAX_LABEL));
        }
        if (!DNS1035_PATTERN.matcher(value).matches()) {
            errors.add(regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start"
                    + " with an alphabetic character, and end with an alphanumeric character", DNS1035_LABEL,
                    "my-name", "abc-123"));
        }
        return errors;
    }

    /** {@code IsValidPortName}: an IANA service name. */
    static List<String> checkPortName(String port) {
        List<String> errors = new ArrayList<>();
        if (port.length() > MAX_PORT_NAME) {
            errors.add(maxLength(MAX_PORT_NAME));
        }
        if (!PORT_NAME_CHARS.matcher(port).matches()) {
            errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!HAS_LETTER.matcher(port).matches()) {
            errors.add("must contain at least one letter (a-z)");
        }
        if (port.contains("--")) {
            errors.add("must not contain consecutive hyphens");
        }
        if (!port.isEmpty() && (port.startsWith("-") || port.endsWith("-"))) {
            errors.add("must not begin or end with a hyphen");
        }
        return errors;
    }

    /** {@code IsValidPortNum}. */
    static List<String> checkPortNumber(long port) {
        return port >= 1 && port <= 65535 ? List.of() : List.of("must be between 1 and 65535, inclusive");
    }

    /** {@code IsPathSegmentName}: a name that can be one segment of a URL path. */
    static List<String> checkPathSegmentName(String name) {
        List<String> errors = new ArrayList<>();
        if (name.equals(".") || name.equals("..")) {
            errors.add("may not be '" + name + "'");
        }
        for (String illegal : new String[] {"/", "%"}) {
            if (name.contains(illegal)) {
                errors.add("may not contain '" + illegal + "'");
            }
        }
        return errors;
    }

    private static String maxLength(int length) {
        return "must be no more than " + length + " characters";
    }

    /** {@code RegexError}, including its quirk of two spaces before "or". */
    private static String regexError(String message, String regex, String... examples) {
        StringBuilder out = new StringBuilder(message).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                out.append(" or ");
            }
            out.append('\'').append(examples[i]).append("', ");
        }
        return out.append("regex used for validation is '").append(regex).append("')").toString();
    }
}
