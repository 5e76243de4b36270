package io.gwctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files: what a command prints, committed and reviewed like code. {@code -Dgolden.update=true}
 * rewrites them (review the diff); a missing golden fails rather than being written silently.
 */
public final class GoldenFiles {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private GoldenFiles() {
    }

    /** The case directories under {@code root}, in name order; at least one. */
    public static List<Path> cases(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> cases = dirs.filter(Files::isDirectory).sorted().toList();
            assertThat(cases).as("golden cases under " + root).isNotEmpty();
            return cases;
        }
    }

    /** Asserts that {@code actual} is the content of {@code expected}, or rewrites it when updating. */
    public static void check(Path expected, String actual, Object context) throws IOException {
        if (UPDATE) {
            Files.writeString(expected, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(expected)) {
            fail("missing golden file " + expected + "; run with -Dgolden.update=true and review it");
        }
        assertThat(actual).as(String.valueOf(context)).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
}
