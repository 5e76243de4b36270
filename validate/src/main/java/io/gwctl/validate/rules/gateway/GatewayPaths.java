package io.gwctl.validate.rules.gateway;

/** The field paths Gateway rules point at; each takes the indexes it names. */
final class GatewayPaths {

    private GatewayPaths() {
    }

    /** {@code spec.servers[i]}. */
    static String server(int server) {
        return "spec.servers[" + server + "]";
    }

    /** {@code spec.servers[i].port.number}. */
    static String portNumber(int server) {
        return server(server) + ".port.number";
    }
}
