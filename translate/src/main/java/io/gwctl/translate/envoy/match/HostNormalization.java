package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;

/**
 * The host the connection manager routes on: {@code strip_trailing_host_dot} drops a final dot,
 * {@code strip_any_host_port} any port, {@code strip_matching_host_port} only the listener's own port
 * (envoyproxy/envoy {@code source/common/http/conn_manager_utility.cc}, {@code maybeNormalizeHost}, and
 * {@code HeaderUtility::stripPortFromHost}).
 */
public final class HostNormalization {

    private HostNormalization() {
    }

    /** The host {@code hcm} routes a request with {@code host} on, arriving at {@code listenerPort}; null stays null. */
    public static String forRouting(HttpConnectionManager hcm, String host, int listenerPort) {
        if (host == null) {
            return null;
        }
        if (hcm.getStripTrailingHostDot()) {
            int colon = Hosts.portColon(host);
            String name = colon < 0 ? host : host.substring(0, colon);
            if (name.endsWith(".")) {
                host = name.substring(0, name.length() - 1) + (colon < 0 ? "" : host.substring(colon));
            }
        }
        if (!hcm.getStripAnyHostPort() && !hcm.getStripMatchingHostPort()) {
            return host;
        }
        int colon = Hosts.portColon(host);
        if (colon >= 0) {
            boolean strip = hcm.getStripAnyHostPort()
                    || hcm.getStripMatchingHostPort() && host.substring(colon + 1).equals(Integer.toString(listenerPort));
            if (strip) {
                return host.substring(0, colon);
            }
        }
        return host;
    }
}
