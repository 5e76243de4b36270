package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * One weighted target of a RouteRule ({@code DestinationWeight} in route_rule.proto).
 *
 * @param destination another service to send this share to, or null for the rule's destination
 * @param labels      labels of the version (subset) that receives this share
 * @param weight      percentage of traffic, 0..100; 0 (unset) means 100 when it is the only target
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DestinationWeight(IstioService destination, Map<String, String> labels, int weight) {

    public DestinationWeight {
        labels = ProtoDefaults.map(labels);
    }
}
