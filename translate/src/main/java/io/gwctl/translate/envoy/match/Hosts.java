package io.gwctl.translate.envoy.match;

/** Splitting a {@code host[:port]} authority, IPv6 literals ({@code [::1]:80}) included. */
final class Hosts {

    private Hosts() {
    }

    /** The index of the {@code :} before the port, or -1 when the authority has no port. */
    static int portColon(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.lastIndexOf("]:");
            return close < 0 ? -1 : close + 1;
        }
        return authority.lastIndexOf(':');
    }

    static String withoutPort(String authority) {
        int colon = portColon(authority);
        return colon < 0 ? authority : authority.substring(0, colon);
    }
}
