package io.gwctl.validate.rules.serviceentry;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Istio {@code ValidateServiceEntry} (hosts); cases after {@code TestValidateServiceEntries}. */
class HostRuleTest {

    /** A STATIC ServiceEntry whose hosts are on line 6. */
    private static String serviceEntry(String hosts, String resolution) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: %s
                  resolution: %s
                  ports:
                  - {number: 80, name: http, protocol: HTTP}
                """.formatted(hosts, resolution);
    }

    @Test
    void namesAndWildcardDomainsAreAccepted() {
        assertNone(serviceEntry("[api.example.com, \"*.example.org\", legacy]", "NONE"), ServiceEntryCodes.NO_HOSTS,
                ServiceEntryCodes.HOST, ServiceEntryCodes.HOST_PARTIAL_WILDCARD);
    }

    @Test
    void atLeastOneHostIsRequired() {
        assertOne(serviceEntry("[]", "NONE"), ServiceEntryCodes.NO_HOSTS, 6, "service entry must have at least one host");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'[\"*\"]'             | invalid host *",
            "'[api..example.com]'  | domain name \"api..example.com\" invalid (label \"\" invalid)",
            "'[\"foo.*.com\"]'     | domain name \"foo.*.com\" invalid (label \"*\" invalid)"})
    void invalidHostIsReported(String hosts, String message) {
        assertOne(serviceEntry(hosts, "NONE"), ServiceEntryCodes.HOST, 6, message);
    }

    @Test
    void partialWildcardIsAWarning() {
        assertOne(serviceEntry("[\"*api.example.com\"]", "NONE"), ServiceEntryCodes.HOST_PARTIAL_WILDCARD, 6,
                "partial wildcard \"*api.example.com\" not allowed");
    }

    @Test
    void partialWildcardIsFineForDynamicDns() {
        assertNone(serviceEntry("[\"*api.example.com\"]", "DYNAMIC_DNS"), ServiceEntryCodes.HOST_PARTIAL_WILDCARD);
    }
}
