package io.gwctl.proxy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusChoiceTest {

    @Test
    void oneCodeIsThatCode() {
        assertThat(StatusChoice.parse("503")).hasValueSatisfying(choice ->
                assertThat(choice.pick(fixed(0.99))).isEqualTo(HttpResponseStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void aListIsAnEvenPickUnlessWeighted() {
        StatusChoice even = StatusChoice.parse("200,503").orElseThrow();
        StatusChoice weighted = StatusChoice.parse("200:0.9,503:0.1").orElseThrow();

        assertThat(even.choices()).containsExactly(new StatusChoice.Weighted(200, 1), new StatusChoice.Weighted(503, 1));
        assertThat(List.of(even.pick(fixed(0.49)).code(), even.pick(fixed(0.51)).code())).containsExactly(200, 503);
        assertThat(List.of(weighted.pick(fixed(0.89)).code(), weighted.pick(fixed(0.91)).code()))
                .containsExactly(200, 503);
    }

    @Test
    void aCodeOfWeightZeroIsNeverPicked() {
        StatusChoice choice = StatusChoice.parse("200:1,503:0").orElseThrow();

        assertThat(choice.pick(fixed(0.999999)).code()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "99", "600", "2000", "200,", "200:x", "200:-1", "200:0", " 200"})
    void whatIsNotAListOfCodesIsRejected(String spec) {
        assertThat(StatusChoice.parse(spec)).as(spec).isEmpty();
    }

    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }
}
