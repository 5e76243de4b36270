package io.gwctl.model.legacy;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Faults injected into TCP connections ({@code L4FaultInjection} in l4_fault.proto). Istio never
 * implemented them; the validator of 0.8 rejects any.
 *
 * @param throttle bandwidth throttling, or null
 * @param terminate early connection termination, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record L4FaultInjection(Throttle throttle, Terminate terminate) {

    /**
     * Throttle a share of connections. {@code throttleAfterPeriod} and {@code throttleAfterBytes} are a
     * {@code oneof}.
     *
     * @param percent             share of connections, 0..100 (a proto {@code float})
     * @param downstreamLimitBps  bandwidth limit towards the client, in bytes per second
     * @param upstreamLimitBps    bandwidth limit towards the server, in bytes per second
     * @param throttleAfterPeriod start after this duration, as written, or null
     * @param throttleAfterBytes  start after this many bytes, or null
     * @param throttleForPeriod   stop after this duration, as written, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Throttle(
            float percent,
            @JsonAlias("downstream_limit_bps") long downstreamLimitBps,
            @JsonAlias("upstream_limit_bps") long upstreamLimitBps,
            @JsonAlias("throttle_after_period") String throttleAfterPeriod,
            @JsonAlias("throttle_after_bytes") Double throttleAfterBytes,
            @JsonAlias("throttle_for_period") String throttleForPeriod) {
    }

    /**
     * Terminate a share of connections.
     *
     * @param percent              share of connections, 0..100 (a proto {@code float})
     * @param terminateAfterPeriod terminate after this duration, as written, or null
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Terminate(
            float percent,
            @JsonAlias("terminate_after_period") String terminateAfterPeriod) {
    }
}
