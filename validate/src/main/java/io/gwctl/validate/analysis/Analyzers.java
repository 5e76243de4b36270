package io.gwctl.validate.analysis;

import io.gwctl.validate.analysis.destinationrule.DestinationRuleAnalyzers;
import io.gwctl.validate.analysis.gateway.GatewayAnalyzers;
import io.gwctl.validate.analysis.serviceentry.ServiceEntryAnalyzers;
import io.gwctl.validate.analysis.virtualservice.VirtualServiceAnalyzers;
import java.util.ArrayList;
import java.util.List;

/** Every cross-resource analyzer, in the order they run. */
public final class Analyzers {

    private Analyzers() {
    }

    public static List<Analyzer> all() {
        List<Analyzer> all = new ArrayList<>();
        all.addAll(GatewayAnalyzers.all());
        all.addAll(VirtualServiceAnalyzers.all());
        all.addAll(DestinationRuleAnalyzers.all());
        all.addAll(ServiceEntryAnalyzers.all());
        return List.copyOf(all);
    }
}
