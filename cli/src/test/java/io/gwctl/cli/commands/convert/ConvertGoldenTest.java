package io.gwctl.cli.commands.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import io.gwctl.cli.GoldenFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests of {@code gwctl convert}: each directory under {@code src/test/resources/golden/convert/}
 * holds {@code input.yaml}; {@code expected.yaml} is what stdout must be and {@code expected.stderr} the
 * notifications. Every case's output must also pass {@code gwctl validate} with no errors, read together
 * with the input (which carries the Services the routes point at).
 */
class ConvertGoldenTest {

    private static final Path ROOT = Path.of("src/test/resources/golden/convert");

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> goldenConversions() throws IOException {
        return GoldenFiles.cases(ROOT).stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private void check(Path dir) throws IOException {
        Path input = dir.resolve("input.yaml");
        Result r = CliRunner.run("convert", "-f", input.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        GoldenFiles.check(dir.resolve("expected.yaml"), r.out(), r);
        GoldenFiles.check(dir.resolve("expected.stderr"), r.err(), r);

        Path converted = Files.writeString(work.resolve(dir.getFileName() + ".yaml"), r.out());
        Result v = CliRunner.run("validate", "-f", converted.toString(), "-f", input.toString());
        assertThat(v.exitCode()).as("converted output must validate\n" + v).isZero();
    }
}
