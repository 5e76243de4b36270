package io.gwctl.validate.analysis.destinationrule;

import io.gwctl.validate.analysis.Analyzer;
import java.util.List;

/** The analyzers of DestinationRules against services and workloads. */
public final class DestinationRuleAnalyzers {

    private DestinationRuleAnalyzers() {
    }

    /** The analyzers of this family, in the order they run. */
    public static List<Analyzer> all() {
        return List.of(new CaCertificateAnalyzer(), new SubsetSelectPodAnalyzer());
    }
}
