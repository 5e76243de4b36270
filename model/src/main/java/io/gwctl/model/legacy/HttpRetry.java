package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * Retries of a failed request ({@code HTTPRetry} in route_rule.proto), a {@code oneof} of a simple policy
 * and a custom one.
 *
 * @param simpleRetry the simple policy, or null
 * @param custom      a {@code google.protobuf.Any} custom policy, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpRetry(
        @JsonAlias("simple_retry") SimpleRetryPolicy simpleRetry,
        Map<String, Object> custom) {

    public HttpRetry {
        custom = custom == null ? null : ProtoDefaults.map(custom);
    }

    /**
     * A number of attempts, each with its own timeout.
     *
     * @param attempts           how many retries
     * @param perTryTimeout      timeout of each attempt as written ({@code 2s}), or null
     * @param overrideHeaderName header whose value overrides the policy, or empty
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SimpleRetryPolicy(
            int attempts,
            @JsonAlias("per_try_timeout") String perTryTimeout,
            @JsonAlias("override_header_name") String overrideHeaderName) {

        public SimpleRetryPolicy {
            overrideHeaderName = ProtoDefaults.string(overrideHeaderName);
        }
    }
}
