package io.gwctl.proxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shadow authority of Envoy's request mirroring: {@code -shadow} after the host, before any port. */
class MirrorRequestTest {

    @Test
    void shadowGoesAfterTheHost() {
        assertThat(MirrorRequest.shadowHost("shop.example.com")).isEqualTo("shop.example.com-shadow");
        assertThat(MirrorRequest.shadowHost("shop.example.com:8080")).isEqualTo("shop.example.com-shadow:8080");
        assertThat(MirrorRequest.shadowHost("[::1]:8080")).isEqualTo("[::1]-shadow:8080");
    }
}
