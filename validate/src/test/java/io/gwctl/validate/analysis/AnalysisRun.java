package io.gwctl.validate.analysis;

import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.validate.Validation;
import io.gwctl.validate.Validator;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.util.List;

/**
 * Runs chosen analyzers alone over YAML written in a test, for an analyzer that takes a collaborator
 * (a clock) the default validator does not give it.
 */
public final class AnalysisRun {

    private AnalysisRun() {
    }

    /** The findings of {@code analyzers} over {@code yaml}, read as {@link Validation#FILE} in {@code default}. */
    public static List<Diagnostic> findings(String yaml, Analyzer... analyzers) {
        ConfigSet config = ConfigSet.load(List.of(new InMemorySource(Validation.FILE, yaml)),
                new ResourceReader("default"));
        return new Validator(List.of(), List.of(analyzers)).validate(config).diagnostics();
    }
}
