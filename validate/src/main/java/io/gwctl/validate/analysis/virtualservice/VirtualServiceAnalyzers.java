package io.gwctl.validate.analysis.virtualservice;

import io.gwctl.validate.analysis.Analyzer;
import java.util.List;

/** The analyzers of VirtualServices against Gateways, services, DestinationRules and each other. */
public final class VirtualServiceAnalyzers {

    private VirtualServiceAnalyzers() {
    }

    /** The analyzers of this family, in the order they run. */
    public static List<Analyzer> all() {
        return List.of(new GatewayAnalyzer(), new ConflictingMeshGatewayHostsAnalyzer(), new DestinationHostAnalyzer(),
                new DestinationSubsetAnalyzer(), new IngressSubsetAnalyzer(), new JwtClaimRouteAnalyzer());
    }
}
