package io.gwctl.validate.diagnostic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Go's {@code fmt} verbs as Istio's messages use them: {@code %q}, {@code %v} and {@code %f}. */
class GoFormatTest {

    @Test
    void quoteEscapesLikeStrconvQuote() {
        assertThat(GoFormat.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoFormat.quote("tab\there\n")).isEqualTo("\"tab\\there\\n\"");
        assertThat(GoFormat.quote("\u0001\u007f")).isEqualTo("\"\\x01\\x7f\"");
        assertThat(GoFormat.quote("héllo")).isEqualTo("\"héllo\"");
        assertThat(GoFormat.quote("\u200b")).isEqualTo("\"\\u200b\"");
    }

    @Test
    void listPrintsLikeAGoSlice() {
        assertThat(GoFormat.list(List.of())).isEqualTo("[]");
        assertThat(GoFormat.list(List.of("a", "b"))).isEqualTo("[a b]");
    }

    @Test
    void numberPrintsLikePercentV() {
        assertThat(GoFormat.number(101)).isEqualTo("101");
        assertThat(GoFormat.number(100.5)).isEqualTo("100.5");
        assertThat(GoFormat.number(-1)).isEqualTo("-1");
        assertThat(GoFormat.number(0.00001)).isEqualTo("1e-05");
        assertThat(GoFormat.number(0.0001)).isEqualTo("0.0001");
        assertThat(GoFormat.number(123456)).isEqualTo("123456");
        assertThat(GoFormat.number(1234567)).isEqualTo("1.234567e+06");
        assertThat(GoFormat.number(1e21)).isEqualTo("1e+21");
    }

    @Test
    void fixedPrintsSixDecimals() {
        assertThat(GoFormat.fixed(100.5)).isEqualTo("100.500000");
        assertThat(GoFormat.fixed(-3)).isEqualTo("-3.000000");
    }

    @Test
    void listPrintsAnySlice() {
        assertThat(GoFormat.list(java.util.List.of(80, 443))).isEqualTo("[80 443]");
        assertThat(GoFormat.list(java.util.List.of())).isEqualTo("[]");
    }
}
