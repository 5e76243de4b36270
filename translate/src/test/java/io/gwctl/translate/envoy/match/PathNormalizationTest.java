package io.gwctl.translate.envoy.match;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.BoolValue;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** RFC 3986 path normalization as Envoy's {@code normalize_path} applies it (envoyproxy/envoy path_utility.cc). */
class PathNormalizationTest {

    private static final HttpConnectionManager ISTIO = HttpConnectionManager.newBuilder()
            .setNormalizePath(BoolValue.of(true)).build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/status/200, /status/200",
        "/a/../status/200, /status/200",
        "/./status/./200, /status/200",
        "/../../status, /status",
        "/a/b/.., /a/",
        "/a/%2e%2e/status, /status",
        "/%73tatus/%2Fx, /status/%2Fx",
        "/a/%3f, /a/%3F",
        "/a/..?x=/../y, /?x=/../y",
        "//a//b, //a//b",
    })
    void normalizesAsEnvoy(String in, String out) {
        assertThat(PathNormalization.forRouting(ISTIO, in)).isEqualTo(out);
    }

    @Test
    void nothingChangesWithoutNormalizePathAndMergeSlashesCollapses() {
        assertThat(PathNormalization.forRouting(HttpConnectionManager.getDefaultInstance(), "/a/../b")).isEqualTo("/a/../b");
        assertThat(PathNormalization.forRouting(ISTIO.toBuilder().setMergeSlashes(true).build(), "//a//b?c=//d"))
                .isEqualTo("/a/b?c=//d");
    }
}
