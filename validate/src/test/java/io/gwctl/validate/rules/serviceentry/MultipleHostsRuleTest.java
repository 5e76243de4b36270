package io.gwctl.validate.rules.serviceentry;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;

/** Istio {@code ValidateServiceEntry} (multiple hosts); cases after {@code TestValidateServiceEntries}. */
class MultipleHostsRuleTest {

    /** A ServiceEntry with two hosts whose ports start on line 9. */
    private static String serviceEntry(String resolution, String ports) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: [a.example.com, b.example.com]
                  resolution: %s
                  ports:
                """.formatted(resolution) + ports;
    }

    @Test
    void httpAndTlsPortsTellHostsApart() {
        assertNone(serviceEntry("DNS", "  - {number: 80, name: http, protocol: HTTP}\n"
                + "  - {number: 443, name: https, protocol: HTTPS}\n"), ServiceEntryCodes.MULTIPLE_HOSTS_NON_HTTP);
    }

    @Test
    void hostsAreIgnoredWithResolutionNone() {
        assertNone(serviceEntry("NONE", "  - {number: 5432, name: db, protocol: TCP}\n"),
                ServiceEntryCodes.MULTIPLE_HOSTS_NON_HTTP);
    }

    @Test
    void tcpPortIsReportedOnce() {
        String yaml = serviceEntry("STATIC", "  - {number: 80, name: http, protocol: HTTP}\n"
                + "  - {number: 5432, name: db, protocol: TCP}\n  - {number: 6379, name: redis, protocol: REDIS}\n");
        assertOne(yaml, ServiceEntryCodes.MULTIPLE_HOSTS_NON_HTTP, 10, "multiple hosts provided with non-HTTP, non-TLS ports");
    }

    @Test
    void unsetProtocolIsNotHttp() {
        assertOne(serviceEntry("DNS", "  - {number: 8080, name: web}\n"), ServiceEntryCodes.MULTIPLE_HOSTS_NON_HTTP, 9,
                "multiple hosts provided with non-HTTP, non-TLS ports");
    }
}
