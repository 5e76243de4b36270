package io.gwctl.validate.analysis.gateway;

import io.gwctl.validate.analysis.Analyzer;
import java.util.List;

/** The analyzers of Gateways, their workloads, Services and credentials. */
public final class GatewayAnalyzers {

    private GatewayAnalyzers() {
    }

    /** The analyzers of this family, in the order they run. */
    public static List<Analyzer> all() {
        return List.of(new IngressGatewayPortAnalyzer(), new ConflictingGatewayAnalyzer(), new SecretAnalyzer(),
                new CertificateAnalyzer());
    }
}
