package io.gwctl.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.tests.Gwctl.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user migrating Istio's classic httpbin ingress task (an Ingress plus two RouteRules on ingress
 * traffic) to the networking API: convert to a file, then validate the result before applying it.
 */
class ConvertJourneyIT {

    @TempDir
    Path work;

    @Test
    void convertThenValidate() throws Exception {
        Files.writeString(work.resolve("legacy.yaml"), SeedConfig.LEGACY);
        Files.writeString(work.resolve("service.yaml"), SeedConfig.SERVICE);
        Run convert = Gwctl.run(work, "", Map.of(), "convert", "-f", "legacy.yaml", "--output-file", "istio.yaml");
        assertThat(convert.exitCode()).as(convert.toString()).isZero();
        assertThat(convert.out()).as(convert.toString()).isEmpty();
        String converted = Files.readString(work.resolve("istio.yaml"));
        assertThat(converted).as("/status is routed before the 403 abort that catches everything else")
                .containsSubsequence("prefix: /status", "httpStatus: 403", "prefix: /");

        Run validate = Gwctl.run(work, "", Map.of(), "validate", "-f", "istio.yaml", "-f", "service.yaml");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).as(validate.toString()).startsWith("0 errors");
    }

    @Test
    void convertPipesIntoValidate() throws Exception {
        Run convert = Gwctl.run(work, SeedConfig.LEGACY, Map.of(), "convert", "-f", "-", "-o", "json");
        assertThat(convert.exitCode()).as(convert.toString()).isZero();
        Run validate = Gwctl.run(work, convert.out() + "\n---\n" + SeedConfig.SERVICE, Map.of(), "validate", "-f", "-");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
    }
}
