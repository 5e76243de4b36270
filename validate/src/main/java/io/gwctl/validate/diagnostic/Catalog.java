package io.gwctl.validate.diagnostic;

import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.envoy.EnvoyCodes;
import io.gwctl.validate.rules.common.CommonCodes;
import io.gwctl.validate.rules.destinationrule.DestinationRuleCodes;
import io.gwctl.validate.rules.gateway.GatewayCodes;
import io.gwctl.validate.rules.ingress.IngressCodes;
import io.gwctl.validate.rules.legacy.LegacyCodes;
import io.gwctl.validate.rules.serviceentry.ServiceEntryCodes;
import io.gwctl.validate.rules.virtualservice.VirtualServiceCodes;
import io.gwctl.validate.schema.SchemaCodes;
import io.gwctl.validate.source.SourceCodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All diagnostic codes, in code order; the docs' catalog is generated from here. */
public final class Catalog {

    private static final List<DiagnosticCode> ALL = collect();

    private Catalog() {
    }

    public static List<DiagnosticCode> all() {
        return ALL;
    }

    public static Optional<DiagnosticCode> find(String code) {
        return ALL.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private static List<DiagnosticCode> collect() {
        List<DiagnosticCode> all = new ArrayList<>();
        all.addAll(List.of(SourceCodes.values()));
        all.addAll(List.of(SchemaCodes.values()));
        all.addAll(List.of(GatewayCodes.values()));
        all.addAll(List.of(VirtualServiceCodes.values()));
        all.addAll(List.of(DestinationRuleCodes.values()));
        all.addAll(List.of(ServiceEntryCodes.values()));
        all.addAll(List.of(IngressCodes.values()));
        all.addAll(List.of(LegacyCodes.values()));
        all.addAll(List.of(AnalysisCodes.values()));
        all.addAll(List.of(EnvoyCodes.values()));
        all.addAll(List.of(CommonCodes.values()));
        Map<String, DiagnosticCode> seen = new HashMap<>();
        for (DiagnosticCode c : all) {
            DiagnosticCode clash = seen.put(c.code(), c);
            if (clash != null) {
                throw new IllegalStateException("code " + c.code() + " is used by both " + clash + " and " + c);
            }
        }
        all.sort(Comparator.comparing(DiagnosticCode::code));
        return List.copyOf(all);
    }
}
