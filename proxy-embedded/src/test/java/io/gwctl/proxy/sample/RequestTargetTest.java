package io.gwctl.proxy.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTargetTest {

    @Test
    void pathIsDecodedAndArgumentsKeepTheirOrderAndRepeats() {
        RequestTarget target = RequestTarget.parse("/anything/a%20b?z=1&a=2&z=3");

        assertThat(target.path()).isEqualTo("/anything/a b");
        assertThat(target.args()).containsExactly(
                Map.entry("z", List.of("1", "3")), Map.entry("a", List.of("2")));
        assertThat(target.arg("a", "none")).isEqualTo("2");
        assertThat(target.arg("missing", "none")).isEqualTo("none");
    }

    @Test
    void absoluteFormIsReducedToPathAndQuery() {
        assertThat(RequestTarget.parse("http://example.com:8080/get?x=1").path()).isEqualTo("/get");
        assertThat(RequestTarget.parse("http://example.com?x=1").args()).containsKey("x");
        assertThat(RequestTarget.parse("http://example.com").path()).isEqualTo("/");
    }

    @Test
    void malformedEscapeIsRejected() {
        assertThatThrownBy(() -> RequestTarget.parse("/get%zz")).isInstanceOf(IllegalArgumentException.class);
    }
}
