package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * Request timeout ({@code HTTPTimeout} in route_rule.proto), a {@code oneof} of a simple policy and a
 * custom one.
 *
 * @param simpleTimeout the simple policy, or null
 * @param custom        a {@code google.protobuf.Any} custom policy, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpTimeout(
        @JsonAlias("simple_timeout") SimpleTimeoutPolicy simpleTimeout,
        Map<String, Object> custom) {

    public HttpTimeout {
        custom = custom == null ? null : ProtoDefaults.map(custom);
    }

    /**
     * A fixed timeout, which a request header may override.
     *
     * @param timeout            duration as written ({@code 10s}), or null
     * @param overrideHeaderName header whose value overrides the timeout, or empty
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SimpleTimeoutPolicy(
            String timeout,
            @JsonAlias("override_header_name") String overrideHeaderName) {

        public SimpleTimeoutPolicy {
            overrideHeaderName = ProtoDefaults.string(overrideHeaderName);
        }
    }
}
