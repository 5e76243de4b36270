package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Faults injected into HTTP requests ({@code HTTPFaultInjection} in http_fault.proto).
 *
 * @param delay a delay before forwarding, or null
 * @param abort an error answer instead of forwarding, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpFaultInjection(Delay delay, Abort abort) {

    /**
     * Delay a share of requests. {@code fixedDelay} and {@code exponentialDelay} are a {@code oneof}.
     *
     * @param percent            share of requests, 0..100 (a proto {@code float})
     * @param fixedDelay         fixed delay as written ({@code 5s}), or null
     * @param exponentialDelay   mean of an exponential delay as written, or null (never supported)
     * @param overrideHeaderName header that may override the delay, or empty
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Delay(
            float percent,
            @JsonAlias("fixed_delay") String fixedDelay,
            @JsonAlias("exponential_delay") String exponentialDelay,
            @JsonAlias("override_header_name") String overrideHeaderName) {

        public Delay {
            overrideHeaderName = ProtoDefaults.string(overrideHeaderName);
        }
    }

    /**
     * Abort a share of requests with an error. {@code grpcStatus}, {@code http2Error} and
     * {@code httpStatus} are a {@code oneof}.
     *
     * @param percent            share of requests, 0..100 (a proto {@code float})
     * @param grpcStatus         gRPC status name, or null (never supported)
     * @param http2Error         HTTP/2 error name, or null
     * @param httpStatus         HTTP status code, or null
     * @param overrideHeaderName header that may override the abort, or empty
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Abort(
            float percent,
            @JsonAlias("grpc_status") String grpcStatus,
            @JsonAlias("http2_error") String http2Error,
            @JsonAlias("http_status") Integer httpStatus,
            @JsonAlias("override_header_name") String overrideHeaderName) {

        public Abort {
            overrideHeaderName = ProtoDefaults.string(overrideHeaderName);
        }
    }
}
