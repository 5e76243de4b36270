package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * The spec of a DestinationPolicy ({@code DestinationPolicy} in dest_policy.proto): how a client talks
 * to one destination, or to the version of it that {@code destination.labels} select.
 *
 * @param destination    the service (and version labels) the policy is for, or null
 * @param source         the calling service the policy is limited to, or null for all callers
 * @param loadBalancing  the load balancing algorithm, or null
 * @param circuitBreaker connection limits and outlier ejection, or null
 * @param custom         a {@code google.protobuf.Any} custom policy (field 100), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DestinationPolicySpec(
        IstioService destination,
        IstioService source,
        @JsonAlias("load_balancing") LoadBalancing loadBalancing,
        @JsonAlias("circuit_breaker") CircuitBreaker circuitBreaker,
        Map<String, Object> custom) {

    /** The spec of a DestinationPolicy that has none: every field at its default. */
    static final DestinationPolicySpec EMPTY = new DestinationPolicySpec(null, null, null, null, null);

    public DestinationPolicySpec {
        custom = custom == null ? null : ProtoDefaults.map(custom);
    }
}
