package io.gwctl.translate.envoy.match;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The connection manager's host normalisation before routing ({@code maybeNormalizeHost} in Envoy's
 * {@code source/common/http/conn_manager_utility.cc}).
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HostNormalizationTest {

    @ParameterizedTest(name = "{0} (dot {1}, any {2}, matching {3}) -> {4}")
    @CsvSource({
            "foo.com:8080, false, false, false, foo.com:8080",
            "foo.com., true, false, false, foo.com",
            "foo.com.:8080, true, false, false, foo.com:8080",
            "foo.com., false, false, false, foo.com.",
            "foo.com:9090, false, true, false, foo.com",
            "foo.com:8080, false, false, true, foo.com",
            "foo.com:9090, false, false, true, foo.com:9090",
            "foo.com:80800, false, false, true, foo.com:80800",
            "foo.com.:8080, true, false, true, foo.com",
            "'[::1]:8080', false, false, true, '[::1]'",
            "'[::1]', false, true, false, '[::1]'",
            "., true, false, false, ''",
    })
    void forRouting(String host, boolean dot, boolean any, boolean matching, String expected) {
        HttpConnectionManager hcm = HttpConnectionManager.newBuilder().setStripTrailingHostDot(dot)
                .setStripAnyHostPort(any).setStripMatchingHostPort(matching).build();
        assertThat(HostNormalization.forRouting(hcm, host, 8080)).isEqualTo(expected);
    }

    @Test
    void noHost() {
        assertThat(HostNormalization.forRouting(HttpConnectionManager.getDefaultInstance(), null, 80)).isNull();
    }
}
