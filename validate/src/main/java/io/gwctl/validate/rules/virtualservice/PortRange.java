package io.gwctl.validate.rules.virtualservice;

import java.util.Optional;

/** A TCP port number: Istio {@code agent.ValidatePort}, "port number %d must be in the range 1..65535". */
final class PortRange {

    private PortRange() {
    }

    static Optional<String> check(long port) {
        if (port >= 1 && port <= 65535) {
            return Optional.empty();
        }
        return Optional.of("port number " + port + " must be in the range 1..65535");
    }
}
