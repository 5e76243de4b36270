package io.gwctl.validate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Go's {@code %q} ({@code strconv.Quote}) and {@code %v} of a slice, as Istio's messages print them. */
class GoFormatTest {

    @Test
    void quoteEscapesLikeStrconvQuote() {
        assertThat(GoFormat.quote("reviews")).isEqualTo("\"reviews\"");
        assertThat(GoFormat.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\x01\"");
        assertThat(GoFormat.quote("")).isEqualTo("\"\"");
    }

    @Test
    void listPrintsLikeASlice() {
        assertThat(GoFormat.list(List.of(80, 443))).isEqualTo("[80 443]");
        assertThat(GoFormat.list(List.of())).isEqualTo("[]");
    }
}
