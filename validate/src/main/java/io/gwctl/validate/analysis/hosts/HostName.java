package io.gwctl.validate.analysis.hosts;

/**
 * Istio's host name matching ({@code pkg/config/host/name.go}): a name may start with a {@code *} label.
 *
 * <pre>
 * matches("foo.com", "foo.com")   = true
 * matches("*.com", "foo.com")     = true      matches("bar.com", "*.com") = true
 * matches("*.foo.com", "foo.com") = false     matches("*", "*.com")       = true
 * </pre>
 */
public final class HostName {

    private HostName() {
    }

    public static boolean isWildcard(String host) {
        return !host.isEmpty() && host.charAt(0) == '*';
    }

    /** Whether {@code a} and {@code b} overlap: equal, or one's wildcard covers the other. */
    public static boolean matches(String a, String b) {
        boolean aw = isWildcard(a);
        boolean bw = isWildcard(b);
        if (aw && bw) {
            return a.length() < b.length()
                    ? b.substring(1).endsWith(a.substring(1))
                    : a.substring(1).endsWith(b.substring(1));
        }
        if (aw) {
            return b.endsWith(a.substring(1));
        }
        if (bw) {
            return a.endsWith(b.substring(1));
        }
        return a.equals(b);
    }

    /** Whether every name {@code a} stands for is covered by {@code b} (one direction of {@link #matches}). */
    public static boolean subsetOf(String a, String b) {
        boolean aw = isWildcard(a);
        boolean bw = isWildcard(b);
        if (aw && bw) {
            return a.length() >= b.length() && a.substring(1).endsWith(b.substring(1));
        }
        if (aw) {
            return false;
        }
        if (bw) {
            return a.endsWith(b.substring(1));
        }
        return a.equals(b);
    }
}
