package io.gwctl.validate.analysis.serviceentry;

import io.fabric8.istio.api.api.networking.v1alpha3.ServiceEntry;
import io.fabric8.istio.api.api.networking.v1alpha3.ServicePort;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.hosts.ExportTo;
import io.gwctl.validate.diagnostic.GoFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * ServiceEntries that one namespace sees must not give one host and port different protocols: the
 * proxy builds one listener per port and only one of them wins. Istio:
 * {@code serviceentry.ConflictingServiceEntryProtocolAnalyzer} (IST0177); hosts as written, protocols
 * compared case-insensitively, entries compared within each {@code exportTo} scope and with entries
 * exported everywhere. Each ServiceEntry is reported once, at its conflicting port.
 */
final class ConflictingProtocolAnalyzer implements Analyzer {

    @Override
    public String name() {
        return "serviceentry.ConflictingServiceEntryProtocolAnalyzer";
    }

    @Override
    public void analyze(AnalysisContext context) {
        Map<Key, List<Entry>> index = new LinkedHashMap<>();
        for (Resource r : context.ofType(ResourceType.SERVICE_ENTRY)) {
            ServiceEntry se = r.spec(ServiceEntry.class).orElse(null);
            if (se == null || se.getHosts() == null || se.getPorts() == null) {
                continue;
            }
            for (String scope : ExportTo.scopes(se.getExportTo(), r.namespace())) {
                for (String host : se.getHosts()) {
                    for (int i = 0; i < se.getPorts().size(); i++) {
                        ServicePort p = se.getPorts().get(i);
                        if (host != null && p != null && p.getNumber() != null) {
                            index.computeIfAbsent(new Key(scope, host, p.getNumber()), k -> new ArrayList<>())
                                    .add(new Entry(r, i, p.getProtocol() == null ? "" : p.getProtocol()));
                        }
                    }
                }
            }
        }
        Set<Resource> reported = new HashSet<>();
        index.forEach((key, own) -> {
            List<Entry> entries = new ArrayList<>(own);
            if (!key.scope().equals(ExportTo.ALL)) {
                entries.addAll(index.getOrDefault(new Key(ExportTo.ALL, key.host(), key.port()), List.of()));
            }
            Set<String> protocols = entries.stream().map(e -> e.protocol().toUpperCase(Locale.ROOT))
                    .collect(Collectors.toCollection(TreeSet::new));
            if (protocols.size() < 2) {
                return;
            }
            String names = entries.stream().map(e -> GoFormat.fullName(e.resource())).distinct().sorted()
                    .collect(Collectors.joining(", "));
            for (Entry e : entries) {
                if (reported.add(e.resource())) {
                    context.report(AnalysisCodes.CONFLICTING_SERVICE_ENTRY_PROTOCOL, e.resource(),
                            ServiceEntryPaths.portProtocol(e.port()), String.format(
                                    "Multiple ServiceEntries (%s) define the same host %s and port %d with conflicting "
                                            + "protocols (%s).",
                                    names, GoFormat.quote(key.host()), key.port(), String.join(", ", protocols)));
                }
            }
        });
    }

    /**
     * A host and port in the scope that sees them.
     *
     * @param scope {@code *}, or a namespace
     * @param host  the host as written
     * @param port  the port number
     */
    private record Key(String scope, String host, long port) {

        Key {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(host, "host");
        }
    }

    /**
     * One ServiceEntry port under a key.
     *
     * @param resource the ServiceEntry
     * @param port     the index of the port
     * @param protocol its protocol as written
     */
    private record Entry(Resource resource, int port, String protocol) {
    }
}
