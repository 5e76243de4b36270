package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * A {@code config.istio.io/v1alpha2} RouteRule: routing for requests to one service. Removed in Istio 1.0
 * in favour of VirtualService and DestinationRule.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class RouteRule extends LegacyObject<RouteRuleSpec> {

    @JsonCreator
    public RouteRule(@JsonProperty("apiVersion") String apiVersion, @JsonProperty("kind") String kind,
            @JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") RouteRuleSpec spec) {
        super(apiVersion, kind, metadata, spec == null ? RouteRuleSpec.EMPTY : spec);
    }
}
