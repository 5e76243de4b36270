package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * The load balancing algorithm ({@code LoadBalancing} in dest_policy.proto), a {@code oneof} of a named
 * simple policy and a custom one.
 *
 * @param name   the simple policy, or null
 * @param custom a {@code google.protobuf.Any} custom policy, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LoadBalancing(SimpleLbPolicy name, Map<String, Object> custom) {

    public LoadBalancing {
        custom = custom == null ? null : ProtoDefaults.map(custom);
    }

    /** {@code LoadBalancing.SimpleLBPolicy}; protobuf's JSON form takes the name or the number. */
    public enum SimpleLbPolicy {
        ROUND_ROBIN,
        LEAST_CONN,
        RANDOM;

        /**
         * The policy a JSON value denotes: its name ({@code ROUND_ROBIN}) or its number ({@code 0}).
         *
         * @throws IllegalArgumentException for any other value, so binding reports it
         */
        @JsonCreator
        public static SimpleLbPolicy of(Object value) {
            if (value instanceof Number n && n.intValue() == n.doubleValue()) {
                int i = n.intValue();
                if (i >= 0 && i < values().length) {
                    return values()[i];
                }
            } else if (value instanceof String s) {
                for (SimpleLbPolicy p : values()) {
                    if (p.name().equals(s)) {
                        return p;
                    }
                }
            }
            throw new IllegalArgumentException("unknown load balancing policy " + value
                    + ", expected ROUND_ROBIN, LEAST_CONN or RANDOM");
        }
    }
}
