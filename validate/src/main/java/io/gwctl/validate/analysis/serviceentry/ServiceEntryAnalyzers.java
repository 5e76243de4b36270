package io.gwctl.validate.analysis.serviceentry;

import io.gwctl.validate.analysis.Analyzer;
import java.util.List;

/** The analyzers of ServiceEntries. */
public final class ServiceEntryAnalyzers {

    private ServiceEntryAnalyzers() {
    }

    /** The analyzers of this family, in the order they run. */
    public static List<Analyzer> all() {
        return List.of(new ProtocolAddressesAnalyzer(), new ConflictingProtocolAnalyzer());
    }
}
