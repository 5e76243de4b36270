package io.gwctl.validate.rules.ingress;

/**
 * The field paths Ingress rules point at; each takes the indexes it names. Where the API versions
 * spell a field differently, the v1 and v1beta1 forms are separate methods.
 */
final class IngressPaths {

    static final String SPEC = "spec";
    static final String INGRESS_CLASS_NAME = "spec.ingressClassName";
    static final String CLASS_ANNOTATION = "metadata.annotations[\"kubernetes.io/ingress.class\"]";

    private IngressPaths() {
    }

    /** {@code spec.defaultBackend} (v1) or {@code spec.backend} (v1beta1). */
    static String defaultBackend(boolean v1) {
        return v1 ? "spec.defaultBackend" : "spec.backend";
    }

    /** {@code spec.rules[i]}. */
    static String rule(int rule) {
        return "spec.rules[" + rule + "]";
    }

    /** {@code spec.rules[i].host}. */
    static String host(int rule) {
        return rule(rule) + ".host";
    }

    /** {@code spec.rules[i].http}. */
    static String http(int rule) {
        return rule(rule) + ".http";
    }

    /** {@code spec.rules[i].http.paths}. */
    static String paths(int rule) {
        return http(rule) + ".paths";
    }

    /** {@code spec.rules[i].http.paths[j]}. */
    static String httpPath(int rule, int path) {
        return paths(rule) + "[" + path + "]";
    }

    /** {@code spec.rules[i].http.paths[j].path}. */
    static String pathValue(int rule, int path) {
        return httpPath(rule, path) + ".path";
    }

    /** {@code spec.rules[i].http.paths[j].pathType}. */
    static String pathType(int rule, int path) {
        return httpPath(rule, path) + ".pathType";
    }

    /** {@code spec.rules[i].http.paths[j].backend}. */
    static String backend(int rule, int path) {
        return httpPath(rule, path) + ".backend";
    }

    /** The service name of a backend: {@code <backend>.service.name} (v1) or {@code <backend>.serviceName}. */
    static String serviceName(String backend, boolean v1) {
        return backend + (v1 ? ".service.name" : ".serviceName");
    }

    /** The port of a backend: {@code <backend>.service.port} (v1) or {@code <backend>.servicePort}. */
    static String servicePort(String backend, boolean v1) {
        return backend + (v1 ? ".service.port" : ".servicePort");
    }

    /** The port name of a backend: {@code <backend>.service.port.name} (v1) or {@code <backend>.servicePort}. */
    static String servicePortName(String backend, boolean v1) {
        return v1 ? backend + ".service.port.name" : servicePort(backend, false);
    }

    /** The port number of a backend: {@code <backend>.service.port.number} (v1) or {@code <backend>.servicePort}. */
    static String servicePortNumber(String backend, boolean v1) {
        return v1 ? backend + ".service.port.number" : servicePort(backend, false);
    }

    /** {@code <backend>.resource}. */
    static String resource(String backend) {
        return backend + ".resource";
    }

    /** {@code spec.tls[i]}. */
    static String tls(int tls) {
        return "spec.tls[" + tls + "]";
    }

    /** {@code spec.tls[i].hosts[j]}. */
    static String tlsHost(int tls, int host) {
        return tls(tls) + ".hosts[" + host + "]";
    }

    /** {@code spec.tls[i].secretName}. */
    static String secretName(int tls) {
        return tls(tls) + ".secretName";
    }
}
