package io.gwctl.proxy.runtime;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.envoyproxy.envoy.config.endpoint.v3.LbEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Endpoint labels as DestinationRule subsets select on them: an endpoint belongs to a subset when it carries
 * every label of the subset (pilot's {@code labels.Instance.SubsetOf}, used by
 * {@code pilot/pkg/xds/endpoints/endpoint_builder.go} to filter each subset cluster's endpoints).
 */
final class SubsetLabels {

    /** The metadata namespace pilot writes an endpoint's labels under (the key Envoy's subset balancer reads). */
    private static final String LB_METADATA = "envoy.lb";

    private SubsetLabels() {
    }

    /** Whether {@code labels} has every entry of {@code subset}; an empty subset selects everything. */
    static boolean selects(Map<String, String> subset, Map<String, String> labels) {
        return subset.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** The string labels in an endpoint's {@code envoy.lb} metadata. */
    static Map<String, String> of(LbEndpoint endpoint) {
        var fields = endpoint.getMetadata().getFilterMetadataOrDefault(LB_METADATA,
                Struct.getDefaultInstance()).getFieldsMap();
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, Value> e : fields.entrySet()) {
            if (e.getValue().hasStringValue()) {
                labels.put(e.getKey(), e.getValue().getStringValue());
            }
        }
        return labels;
    }
}
