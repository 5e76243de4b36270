package io.gwctl.proxy.admin;

import static java.util.Objects.requireNonNull;

import java.net.InetSocketAddress;

/**
 * One listener of the running gateway.
 *
 * @param name         the listener name ({@code 0.0.0.0_8080})
 * @param boundAddress the address it is bound to (with the real port when the config asked for port 0)
 */
public record ListenerState(String name, InetSocketAddress boundAddress) {

    public ListenerState {
        requireNonNull(name, "name");
        requireNonNull(boundAddress, "boundAddress");
    }
}
