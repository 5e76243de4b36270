package io.gwctl.translate.envoy;

import java.util.Objects;

/**
 * One port of a service as pilot sees it.
 *
 * @param number     the service port
 * @param name       its name, or empty
 * @param protocol   Istio's protocol for it (from the ServiceEntry, or a Service port's name/appProtocol), upper case
 * @param targetPort the port on the endpoints (a Service's targetPort when numeric, else {@code number})
 */
public record ServicePort(int number, String name, String protocol, int targetPort) {

    public ServicePort {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(protocol, "protocol");
    }
}
