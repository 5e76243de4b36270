package io.gwctl.translate.envoy.match;

import java.util.List;

/**
 * What route matching reads of a request. The embedded data plane adapts its decoded request to it and
 * {@link TraceRequest} implements it, so {@code proxy-config trace} and the data plane decide with the same
 * {@link RouteTable}.
 */
public interface HttpRequestView {

    /** The {@code :authority} or {@code Host} as received, possibly with a port; null when there is none. */
    String host();

    /** The {@code :path}, query string included. */
    String path();

    /** The method, e.g. {@code GET}. */
    String method();

    /**
     * Whether the connection terminated TLS: it decides {@code :scheme} and whether a virtual host's
     * {@code require_tls} sends a redirect.
     */
    boolean tls();

    /**
     * All values of a header in the order received, or an empty list when it is absent. The pseudo-headers
     * {@code :authority}, {@code :path}, {@code :method} and {@code :scheme} are answered too.
     *
     * @param lowerCaseName the header's name, already lower-cased
     */
    List<String> header(String lowerCaseName);
}
