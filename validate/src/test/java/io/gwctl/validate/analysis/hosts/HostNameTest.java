package io.gwctl.validate.analysis.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Istio {@code host.Name.Matches} and {@code SubsetOf} ({@code pkg/config/host/name_test.go}). */
class HostNameTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "foo.com, foo.com, true",
        "foo.com, bar.com, false",
        "*.com, foo.com, true",
        "bar.com, *.com, true",
        "*.foo.com, foo.com, false",
        "*, foo.com, true",
        "*, *.com, true",
        "*.com, *.foo.com, true",
        "*.bar.com, *.foo.com, false",
    })
    void matches(String a, String b, boolean expected) {
        assertThat(HostName.matches(a, b)).isEqualTo(expected);
        assertThat(HostName.matches(b, a)).as("symmetric").isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} subset of {1}: {2}")
    @CsvSource({
        "foo.com, foo.com, true",
        "foo.com, *.com, true",
        "*.com, foo.com, false",
        "*.foo.com, *.com, true",
        "*.com, *.foo.com, false",
    })
    void subsetOf(String a, String b, boolean expected) {
        assertThat(HostName.subsetOf(a, b)).isEqualTo(expected);
    }
}
