package io.gwctl.validate.analysis.gateway;

import io.gwctl.model.yaml.FieldPath;

/** The field paths the Gateway analyzers point at; each takes the indexes or keys it names. */
final class GatewayPaths {

    static final String NAME = "metadata.name";
    static final String SELECTOR = "spec.selector";

    private GatewayPaths() {
    }

    /** {@code spec.selector.<key>}, or {@code spec.selector} for an empty key. */
    static String selector(String key) {
        return key.isEmpty() ? SELECTOR : FieldPath.field(SELECTOR, key);
    }

    /** {@code spec.servers[i]}. */
    static String server(int server) {
        return "spec.servers[" + server + "]";
    }

    /** {@code spec.servers[i].port.number}. */
    static String portNumber(int server) {
        return server(server) + ".port.number";
    }

    /** {@code spec.servers[i].tls.credentialName}. */
    static String credentialName(int server) {
        return server(server) + ".tls.credentialName";
    }

    /** {@code spec.servers[i].tls.credentialNames[j]}. */
    static String credentialNames(int server, int name) {
        return server(server) + ".tls.credentialNames[" + name + "]";
    }
}
