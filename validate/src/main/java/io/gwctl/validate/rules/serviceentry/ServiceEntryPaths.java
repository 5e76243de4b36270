package io.gwctl.validate.rules.serviceentry;

import io.gwctl.model.yaml.FieldPath;

/** The field paths ServiceEntry rules point at; each takes the indexes or keys it names. */
final class ServiceEntryPaths {

    static final String HOSTS = "spec.hosts";
    static final String ADDRESSES = "spec.addresses";
    static final String ENDPOINTS = "spec.endpoints";
    static final String LOCATION = "spec.location";
    static final String WORKLOAD_SELECTOR = "spec.workloadSelector";

    private ServiceEntryPaths() {
    }

    /** {@code spec.hosts[i]}. */
    static String host(int host) {
        return HOSTS + "[" + host + "]";
    }

    /** {@code spec.addresses[i]}. */
    static String address(int address) {
        return ADDRESSES + "[" + address + "]";
    }

    /** {@code spec.ports[i]}. */
    static String port(int port) {
        return "spec.ports[" + port + "]";
    }

    /** {@code spec.endpoints[i]}. */
    static String endpoint(int endpoint) {
        return ENDPOINTS + "[" + endpoint + "]";
    }

    /** {@code spec.endpoints[i].ports["name"]}. */
    static String endpointPort(int endpoint, String name) {
        return FieldPath.field(endpoint(endpoint) + ".ports", name);
    }

    /** {@code spec.endpoints[i].labels["key"]}. */
    static String endpointLabel(int endpoint, String key) {
        return FieldPath.field(endpoint(endpoint) + ".labels", key);
    }

    /** {@code spec.workloadSelector.labels["key"]}. */
    static String selectorLabel(String key) {
        return FieldPath.field(WORKLOAD_SELECTOR + ".labels", key);
    }
}
