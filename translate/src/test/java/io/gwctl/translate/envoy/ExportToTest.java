package io.gwctl.translate.envoy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code exportTo} as pilot reads it ({@code pkg/config/visibility}, {@code PushContext}). */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ExportToTest {

    private static ExportTo of(String... entries) {
        return ExportTo.of("apps", Arrays.asList(entries));
    }

    @Test
    void nothingWrittenIsPublic() {
        assertThat(ExportTo.of("apps", null).visibleTo("istio-system")).isTrue();
        assertThat(ExportTo.of("apps", List.of()).isPublic()).isTrue();
    }

    @Test
    void dotIsTheOwnNamespace() {
        ExportTo dot = of(".");
        assertThat(dot.visibleTo("apps")).isTrue();
        assertThat(dot.visibleTo("istio-system")).isFalse();
        assertThat(dot.isPrivate()).isTrue();
        assertThat(of("apps").isPrivate()).as("its own name is the same as '.'").isTrue();
    }

    @Test
    void namedNamespacesOnly() {
        ExportTo list = of(".", "istio-system");
        assertThat(list.visibleTo("apps")).isTrue();
        assertThat(list.visibleTo("istio-system")).isTrue();
        assertThat(list.visibleTo("other")).isFalse();
        assertThat(list.isPrivate()).isFalse();
    }

    @Test
    void starWinsAndTildeHides() {
        assertThat(of("*", "other").visibleTo("istio-system")).isTrue();
        assertThat(of("~").visibleTo("apps")).as("'~' hides it from its own namespace too").isFalse();
        assertThat(of("~").isPublic()).isFalse();
    }
}
