package io.gwctl.validate.analysis.serviceentry;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.validate.Validation;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Istio {@code serviceentry.ConflictingServiceEntryProtocolAnalyzer} ({@code conflictingserviceentries.go};
 * testdata {@code serviceentry-*-protocol.yaml}, {@code serviceentry-conflicting-exportto.yaml}).
 */
class ConflictingProtocolAnalyzerTest {

    private static String entry(String namespace, String name, String protocol, String exportTo) {
        return """
                ---
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  hosts: [example.com]
                  exportTo: [%s]
                  ports:
                  - name: p
                    number: 8080
                    protocol: %s
                  resolution: DNS
                """.formatted(name, namespace, exportTo, protocol);
    }

    @Test
    void twoProtocolsForOneHostAndPortAreReportedOnEachEntry() {
        List<Diagnostic> found = Validation.findings(
                entry("default", "a", "HTTP", "") + entry("default", "b", "https", ""),
                AnalysisCodes.CONFLICTING_SERVICE_ENTRY_PROTOCOL);
        assertThat(found).extracting(Diagnostic::name).containsExactly("a", "b");
        assertThat(found.get(0).line()).isEqualTo(13);
        assertThat(found.get(0).message()).isEqualTo("Multiple ServiceEntries (default/a, default/b) define the same "
                + "host \"example.com\" and port 8080 with conflicting protocols (HTTP, HTTPS).");
    }

    @Test
    void sameProtocolOrScopesThatDoNotMeetAreAccepted() {
        assertThat(Validation.findings(entry("default", "a", "HTTP", "") + entry("default", "b", "http", ""),
                AnalysisCodes.CONFLICTING_SERVICE_ENTRY_PROTOCOL)).isEmpty();
        assertThat(Validation.findings(entry("ns1", "a", "HTTP", "\".\"") + entry("ns2", "b", "HTTPS", "\".\""),
                AnalysisCodes.CONFLICTING_SERVICE_ENTRY_PROTOCOL)).isEmpty();
    }
}
