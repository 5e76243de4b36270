package io.gwctl.validate.analysis.virtualservice;

import io.gwctl.model.yaml.FieldPath;

/** The field paths the VirtualService analyzers point at; each takes the indexes or keys it names. */
final class VirtualServicePaths {

    private VirtualServicePaths() {
    }

    /** {@code spec.hosts[i]}. */
    static String host(int host) {
        return "spec.hosts[" + host + "]";
    }

    /** {@code spec.gateways[i]}. */
    static String gateway(int gateway) {
        return "spec.gateways[" + gateway + "]";
    }

    /** {@code spec.<http|tcp|tls>[i].route[j].destination.host}. */
    static String destinationHost(String routeKind, int rule, int route) {
        return "spec." + routeKind + "[" + rule + "].route[" + route + "].destination.host";
    }

    /** {@code spec.http[i].mirror.host}. */
    static String mirrorHost(int rule) {
        return "spec.http[" + rule + "].mirror.host";
    }

    /** {@code spec.http[i].mirrors[j].destination.host}. */
    static String mirrorsHost(int rule, int mirror) {
        return "spec.http[" + rule + "].mirrors[" + mirror + "].destination.host";
    }

    /** {@code spec.http[i].match[j].<headers|withoutHeaders>["key"]}. */
    static String matchHeader(int rule, int match, String field, String key) {
        return FieldPath.field("spec.http[" + rule + "].match[" + match + "]." + field, key);
    }
}
