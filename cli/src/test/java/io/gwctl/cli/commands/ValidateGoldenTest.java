package io.gwctl.cli.commands;

import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import io.gwctl.cli.GoldenFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of {@code gwctl validate}'s three output formats: each directory under
 * {@code src/test/resources/golden/validate/} holds {@code input.yaml} and one {@code expected.<format>}
 * per format. {@code -Dgolden.update=true} rewrites the expected files (review the diff like code); a
 * missing expected file fails rather than being written silently.
 */
class ValidateGoldenTest {

    private static final Path ROOT = Path.of("src/test/resources/golden/validate");
    private static final List<String> FORMATS = List.of("text", "json", "yaml");

    @TestFactory
    Stream<DynamicTest> goldenOutputs() throws IOException {
        return GoldenFiles.cases(ROOT).stream().flatMap(dir -> FORMATS.stream().map(format -> DynamicTest.dynamicTest(
                dir.getFileName() + " -o " + format, () -> check(dir, format))));
    }

    private static void check(Path dir, String format) throws IOException {
        Result r = CliRunner.run("validate", "-o", format, "-f", dir.resolve("input.yaml").toString());
        String actual = "exit " + r.exitCode() + "\n" + r.out();
        GoldenFiles.check(dir.resolve("expected." + (format.equals("text") ? "txt" : format)), actual, r);
    }
}
