package io.gwctl.proxy.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamOverrideTest {

    @Test
    void shortHostsExpandAsIstioExpandsThem() {
        UpstreamOverride o = UpstreamOverride.parse("httpbin:8000=127.0.0.1:9000", "shop", "cluster.local");
        assertThat(o.host()).isEqualTo("httpbin.shop.svc.cluster.local");
        assertThat(o.port()).isEqualTo(8000);
        assertThat(o.address().getPort()).isEqualTo(9000);
        assertThat(o.serves("httpbin.shop.svc.cluster.local", 8000)).isTrue();
        assertThat(o.serves("httpbin.shop.svc.cluster.local", 8001)).isFalse();
    }

    @Test
    void withoutAPortEveryPortOfTheHostIsServed() {
        UpstreamOverride o = UpstreamOverride.parse("api.example.com=[::1]:9000", "default", "cluster.local");
        assertThat(o.host()).as("a name with a dot is kept as it is").isEqualTo("api.example.com");
        assertThat(o.serves("api.example.com", 443)).isTrue();
        assertThat(o.address().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void labelsFollowTheAddress() {
        UpstreamOverride o = UpstreamOverride.parse("reviews:9080=127.0.0.1:9001;version=v2;zone=a", "default",
                "cluster.local");
        assertThat(o.labels()).isEqualTo(Map.of("version", "v2", "zone", "a"));
    }

    @Test
    void malformedValuesSayWhatIsWrong() {
        assertThatThrownBy(() -> UpstreamOverride.parse("httpbin", "default", "cluster.local"))
                .hasMessage("--upstream httpbin: expected HOST[:PORT]=ADDRESS:PORT");
        assertThatThrownBy(() -> UpstreamOverride.parse("httpbin=127.0.0.1", "default", "cluster.local"))
                .hasMessageContaining("needs a port");
        assertThatThrownBy(() -> UpstreamOverride.parse("httpbin:0=127.0.0.1:80", "default", "cluster.local"))
                .hasMessageContaining("port 0 is not in 1-65535");
        assertThatThrownBy(() -> UpstreamOverride.parse("h=127.0.0.1:80;oops", "default", "cluster.local"))
                .hasMessageContaining("label oops is not KEY=VALUE");
    }
}
