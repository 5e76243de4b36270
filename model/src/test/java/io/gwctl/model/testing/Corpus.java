package io.gwctl.model.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the shared conformance corpus, which tests read in place (system property {@code gwctl.corpus.dir},
 * set by the build to {@code ../shared/corpus}) and never copy. When it is missing the calling test is
 * skipped with a loud warning, except under {@code CI=true}, where a missing corpus fails the run.
 */
public final class Corpus {

    private Corpus() {
    }

    /** The folder {@code sub} of the corpus ({@code ""} for the corpus itself). */
    public static Path dir(String sub) {
        String property = System.getProperty("gwctl.corpus.dir");
        Path dir = property == null ? null : Path.of(property, sub);
        if (dir != null && Files.isDirectory(dir)) {
            return dir;
        }
        String why = "shared corpus folder not found: " + (dir == null ? "gwctl.corpus.dir is not set" : dir)
                + "; the conformance test did NOT run";
        if ("true".equals(System.getenv("CI"))) {
            fail(why);
        }
        System.err.println("WARNING: " + why);
        Assumptions.abort(why);
        throw new AssertionError("unreachable");
    }
}
