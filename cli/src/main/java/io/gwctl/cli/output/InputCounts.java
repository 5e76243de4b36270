package io.gwctl.cli.output;

import io.gwctl.model.source.ConfigSet;
import io.gwctl.validate.ValidationReport;
import java.util.OptionalInt;

/**
 * What a report's resources were read from, for its summary: {@code from 3 files and 57 cluster objects}.
 * A cluster is one source of the checked config but not a file, so it is counted by the objects it gave.
 *
 * @param files          how many files (or standard input) were read
 * @param clusterObjects how many live objects were checked ({@code --from-cluster}, after {@code -f} objects
 *                       replaced theirs), empty when no cluster was read
 */
public record InputCounts(int files, OptionalInt clusterObjects) {

    public InputCounts {
        if (files < 0 || clusterObjects.orElse(0) < 0) {
            throw new IllegalArgumentException("negative count: " + files + ", " + clusterObjects);
        }
    }

    /** Nothing read (a config refused before it was). */
    public static final InputCounts NONE = new InputCounts(0, OptionalInt.empty());

    /** Files only: every source of {@code report} was a file. */
    public static InputCounts filesOf(ValidationReport report) {
        return new InputCounts(report.files(), OptionalInt.empty());
    }

    /** {@code files} files and {@code clusterObjects} objects of a cluster. */
    private static InputCounts withCluster(int files, int clusterObjects) {
        return new InputCounts(files, OptionalInt.of(clusterObjects));
    }

    /**
     * What {@code files.over(live)} read: the files, and the live objects no file replaced ({@code over} puts
     * those first, as one source).
     */
    public static InputCounts over(ConfigSet files, ConfigSet merged) {
        return withCluster(files.sources().size(), merged.sources().get(0).resources().size());
    }

    /** {@code 3 files}; {@code 3 files and 57 cluster objects}; {@code 57 cluster objects} without {@code -f}. */
    public String describe() {
        if (clusterObjects.isEmpty()) {
            return count(files, "file");
        }
        String cluster = count(clusterObjects.getAsInt(), "cluster object");
        return files == 0 ? cluster : count(files, "file") + " and " + cluster;
    }

    /** {@code 1 file}, {@code 2 files}. */
    public static String count(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
