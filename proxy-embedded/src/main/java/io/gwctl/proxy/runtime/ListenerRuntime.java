package io.gwctl.proxy.runtime;

import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.util.Objects;

/**
 * A listener as the data plane serves it.
 *
 * @param proto      the Envoy listener
 * @param port       its port in the config ({@code 8080} for {@code 0.0.0.0_8080})
 * @param serverPort the Gateway server port it was translated from ({@code 80} when a Service maps 80 to
 *                   8080), read back from Istio's names: virtual hosts are {@code <host>:<serverPort>}
 * @param plaintext the connection manager serving plaintext connections, or null when no filter chain takes
 *                  them (such connections are closed, as Envoy closes a connection no chain matches)
 */
public record ListenerRuntime(Listener proto, int port, int serverPort, ConnectionManager plaintext) {

    public ListenerRuntime {
        Objects.requireNonNull(proto, "proto");
    }

    public String name() {
        return proto.getName();
    }
}
