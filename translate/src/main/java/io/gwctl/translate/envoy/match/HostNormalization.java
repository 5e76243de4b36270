package io.gwctl.translate.envoy.match;

import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;

/** Interim. */
public final class HostNormalization {
    private HostNormalization() {
    }

    public static String forRouting(HttpConnectionManager hcm, String host, int listenerPort) {
        if (host == null) {
            return null;
        }
        int colon = Hosts.portColon(host);
        if (colon >= 0 && (hcm.getStripAnyHostPort()
                || hcm.getStripMatchingHostPort() && host.substring(colon + 1).equals(Integer.toString(listenerPort)))) {
            return host.substring(0, colon);
        }
        return host;
    }
}
