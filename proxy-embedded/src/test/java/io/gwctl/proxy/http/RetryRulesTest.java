package io.gwctl.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.UInt32Value;
import io.envoyproxy.envoy.config.route.v3.RetryPolicy;
import org.junit.jupiter.api.Test;

/** Which outcomes Envoy retries for each {@code retry_on} condition (envoyproxy/envoy retry_state_impl.cc). */
class RetryRulesTest {

    private static RetryRules rules(String on) {
        return RetryRules.of(RetryPolicy.newBuilder().setRetryOn(on).setNumRetries(UInt32Value.of(2))
                .addRetriableStatusCodes(418).build());
    }

    @Test
    void istiosDefaultRetriesConnectFailuresAndRetriable503Only() {
        RetryRules istio = rules("connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes");
        assertThat(istio.retriesConnectFailure()).isTrue();
        assertThat(istio.retriesStatus(503, -1)).as("503 is not in this policy's retriable codes").isFalse();
        assertThat(istio.retriesStatus(418, -1)).isTrue();
        assertThat(istio.retriesStatus(200, 14)).as("gRPC UNAVAILABLE").isTrue();
        assertThat(istio.retriesReset()).isFalse();
    }

    @Test
    void fiveXxCoversEveryServerErrorAndResets() {
        RetryRules r = rules("5xx");
        assertThat(r.retriesStatus(500, -1)).isTrue();
        assertThat(r.retriesStatus(504, -1)).isTrue();
        assertThat(r.retriesStatus(404, -1)).isFalse();
        assertThat(r.retriesReset()).isTrue();
        assertThat(r.retriesPerTryTimeout()).isTrue();
    }

    @Test
    void gatewayErrorIsOnly502To504() {
        RetryRules r = rules("gateway-error");
        assertThat(r.retriesStatus(500, -1)).isFalse();
        assertThat(r.retriesStatus(502, -1)).isTrue();
        assertThat(r.retriesStatus(409, -1)).isFalse();
        assertThat(rules("retriable-4xx").retriesStatus(409, -1)).isTrue();
    }

    @Test
    void backOffIsJitteredAndCapped() {
        RetryRules r = rules("5xx");
        for (int i = 0; i < 100; i++) {
            assertThat(r.backOffMillis(1)).isBetween(0L, 25L);
            assertThat(r.backOffMillis(10)).as("capped at ten times the base").isBetween(0L, 250L);
        }
        assertThat(rules("").retries()).as("no condition, no retry").isZero();
    }
}
