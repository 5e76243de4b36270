package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;

/**
 * The host the HTTP connection manager routes on, after its own normalisation: {@code strip_trailing_host_dot}
 * drops a final dot of the name, then {@code strip_any_host_port} drops any port and
 * {@code strip_matching_host_port} only the listener's own. Follows {@code maybeNormalizeHost} in
 * envoyproxy/envoy {@code source/common/http/conn_manager_utility.cc} and
 * {@code HeaderUtility::stripTrailingHostDot} / {@code stripPortFromHost} in
 * {@code source/common/http/header_utility.cc}.
 */
public final class HostNormalization {

    private HostNormalization() {
    }

    /**
     * The host a route configuration is asked about.
     *
     * @param hcm          the connection manager that received the request
     * @param host         the {@code :authority} as received, or null
     * @param listenerPort the port of the listener the connection arrived on
     * @return the normalised host, or null when {@code host} is null
     */
    public static String forRouting(HttpConnectionManager hcm, String host, int listenerPort) {
        String dotless = withoutTrailingDot(hcm, host);
        if (dotless == null || !stripsPort(hcm, dotless, listenerPort)) {
            return dotless;
        }
        return dotless.substring(0, Hosts.portColon(dotless));
    }

    /** The host with the final dot of its name dropped when {@code strip_trailing_host_dot} asks for it. */
    static String withoutTrailingDot(HttpConnectionManager hcm, String host) {
        if (host == null || !hcm.getStripTrailingHostDot()) {
            return host;
        }
        int colon = Hosts.portColon(host);
        int nameEnd = colon < 0 ? host.length() : colon;
        if (nameEnd == 0 || host.charAt(nameEnd - 1) != '.') {
            return host;
        }
        return host.substring(0, nameEnd - 1) + host.substring(nameEnd);
    }

    /** Whether the connection manager drops the port of this (already dotless) host. */
    static boolean stripsPort(HttpConnectionManager hcm, String host, int listenerPort) {
        int colon = Hosts.portColon(host);
        if (colon < 0) {
            return false;
        }
        if (hcm.getStripAnyHostPort()) {
            return true;
        }
        String port = Integer.toString(listenerPort);
        return hcm.getStripMatchingHostPort() && host.length() - colon - 1 == port.length()
                && host.startsWith(port, colon + 1);
    }
}
