package io.gwctl.validate.rules.virtualservice;

import io.gwctl.model.yaml.FieldPath;

/**
 * The field paths VirtualService rules point at. Each method takes the indexes (or the path of the parent)
 * it names; rules add a leaf field with {@link #field}.
 */
final class VirtualServicePaths {

    /** {@code spec}: for findings about the whole VirtualService. */
    static final String SPEC = "spec";
    /** {@code spec.gateways}. */
    static final String GATEWAYS = "spec.gateways";
    /** {@code spec.tls}. */
    static final String TLS = "spec.tls";
    /** {@code spec.tcp}. */
    static final String TCP = "spec.tcp";

    private VirtualServicePaths() {
    }

    /** {@code spec.hosts[i]}. */
    static String host(int host) {
        return "spec.hosts[" + host + "]";
    }

    /** {@code spec.gateways[i]}. */
    static String gateway(int gateway) {
        return FieldPath.item(GATEWAYS, gateway);
    }

    /** {@code spec.http[i]}: one HTTP route rule. */
    static String http(int rule) {
        return "spec.http[" + rule + "]";
    }

    /** {@code spec.tls[i]}: one TLS route rule. */
    static String tls(int rule) {
        return FieldPath.item(TLS, rule);
    }

    /** {@code spec.tcp[i]}: one TCP route rule. */
    static String tcp(int rule) {
        return FieldPath.item(TCP, rule);
    }

    /** {@code <rule>.match[j]}: one match of the rule at {@code rule}. */
    static String match(String rule, int match) {
        return rule + ".match[" + match + "]";
    }

    /** {@code <rule>.route[k]}: one destination of the rule at {@code rule}. */
    static String route(String rule, int destination) {
        return rule + ".route[" + destination + "]";
    }

    /** {@code <rule>.mirrors[k]}: one mirror policy of the HTTP rule at {@code rule}. */
    static String mirror(String rule, int mirror) {
        return rule + ".mirrors[" + mirror + "]";
    }

    /** Field or map key {@code name} of the object at {@code parent}; keys that are not identifiers are quoted. */
    static String field(String parent, String name) {
        return FieldPath.field(parent, name);
    }

    /** Item {@code index} of the list at {@code parent}. */
    static String item(String parent, int index) {
        return FieldPath.item(parent, index);
    }
}
