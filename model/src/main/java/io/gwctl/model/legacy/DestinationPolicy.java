package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * A {@code config.istio.io} DestinationPolicy ({@code v1alpha2}, and {@code v1beta1} as Istio 0.8's own
 * test data writes it): load balancing and circuit breaking for one service version. Removed in Istio 1.0
 * in favour of DestinationRule.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class DestinationPolicy extends LegacyObject<DestinationPolicySpec> {

    @JsonCreator
    public DestinationPolicy(@JsonProperty("apiVersion") String apiVersion, @JsonProperty("kind") String kind,
            @JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") DestinationPolicySpec spec) {
        super(apiVersion, kind, metadata, spec == null ? DestinationPolicySpec.EMPTY : spec);
    }
}
