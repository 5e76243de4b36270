package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * A {@code config.istio.io/v1alpha2} EgressRule: an external service the mesh may call. Removed in
 * Istio 1.0 in favour of ServiceEntry.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class EgressRule extends LegacyObject<EgressRuleSpec> {

    @JsonCreator
    public EgressRule(@JsonProperty("apiVersion") String apiVersion, @JsonProperty("kind") String kind,
            @JsonProperty("metadata") ObjectMeta metadata, @JsonProperty("spec") EgressRuleSpec spec) {
        super(apiVersion, kind, metadata, spec == null ? EgressRuleSpec.EMPTY : spec);
    }
}
