package io.gwctl.validate.rules.gateway;

/** The field paths Gateway rules point at; each takes the indexes it names. */
final class GatewayPaths {

    /** {@code metadata.name}. */
    static final String NAME = "metadata.name";
    /** {@code spec.servers}. */
    static final String SERVERS = "spec.servers";

    private GatewayPaths() {
    }

    /** {@code spec.servers[i]}. */
    static String server(int server) {
        return SERVERS + "[" + server + "]";
    }

    /** {@code spec.servers[i].hosts}. */
    static String hosts(int server) {
        return server(server) + ".hosts";
    }

    /** {@code spec.servers[i].hosts[j]}. */
    static String host(int server, int host) {
        return hosts(server) + "[" + host + "]";
    }

    /** {@code spec.servers[i].bind}. */
    static String bind(int server) {
        return server(server) + ".bind";
    }

    /** {@code spec.servers[i].port}. */
    static String port(int server) {
        return server(server) + ".port";
    }

    /** {@code spec.servers[i].port.number}. */
    static String portNumber(int server) {
        return port(server) + ".number";
    }

    /** {@code spec.servers[i].port.protocol}. */
    static String portProtocol(int server) {
        return port(server) + ".protocol";
    }

    /** {@code spec.servers[i].port.name}. */
    static String portName(int server) {
        return port(server) + ".name";
    }

    /** {@code spec.servers[i].port.targetPort}. */
    static String portTargetPort(int server) {
        return port(server) + ".targetPort";
    }

    /** {@code spec.servers[i].tls}. */
    static String tls(int server) {
        return server(server) + ".tls";
    }

    /** {@code spec.servers[i].tls.<field>}, {@code field} as the YAML spells it ({@code caCrl}). */
    static String tls(int server, String field) {
        return tls(server) + "." + field;
    }

    /** {@code spec.servers[i].tls.tlsCertificates[k].<field>}. */
    static String tlsCertificate(int server, int certificate, String field) {
        return tls(server, "tlsCertificates") + "[" + certificate + "]." + field;
    }
}
