package io.gwctl.cli.proxyconfig;

import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.core.v3.Metadata;

/**
 * Reads the {@code filter_metadata.istio.config} pilot writes on routes and clusters
 * ({@code /apis/networking.istio.io/v1/namespaces/default/virtual-service/httpbin}) as istioctl shows it:
 * {@code httpbin.default}.
 */
final class IstioMetadata {

    private IstioMetadata() {
    }

    /** {@code name.namespace} of the config that produced an object, or empty. */
    static String configName(Metadata metadata) {
        if (!metadata.containsFilterMetadata("istio")) {
            return "";
        }
        Value config = metadata.getFilterMetadataOrThrow("istio").getFieldsOrDefault("config", null);
        if (config == null || config.getStringValue().isEmpty()) {
            return "";
        }
        String[] parts = config.getStringValue().split("/");
        // ["", "apis", group, version, "namespaces", ns, kind, name]
        return parts.length >= 8 ? parts[7] + "." + parts[5] : config.getStringValue();
    }
}
