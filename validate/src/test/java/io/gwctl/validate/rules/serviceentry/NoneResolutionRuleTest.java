package io.gwctl.validate.rules.serviceentry;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;

/** Istio {@code ValidateServiceEntry}, resolution NONE; cases after {@code TestValidateServiceEntries}. */
class NoneResolutionRuleTest {

    /** A ServiceEntry without a resolution (so NONE); the extra field is on line 9. */
    private static String serviceEntry(String extra) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                spec:
                  hosts: [api.example.com]
                  addresses: [240.0.0.1]
                  ports: [{number: 443, name: tls, protocol: TLS}]
                  %s
                """.formatted(extra);
    }

    @Test
    void plainEntryIsAccepted() {
        assertNone(serviceEntry("location: MESH_EXTERNAL"), ServiceEntryCodes.NONE_ENDPOINTS,
                ServiceEntryCodes.NONE_WORKLOAD_SELECTOR);
    }

    @Test
    void endpointsAreRefused() {
        assertOne(serviceEntry("endpoints: [{address: 10.0.0.1}]"), ServiceEntryCodes.NONE_ENDPOINTS, 9,
                "no endpoints should be provided for resolution type none");
    }

    @Test
    void workloadSelectorIsAWarning() {
        assertOne(serviceEntry("workloadSelector: {labels: {app: vm}}"), ServiceEntryCodes.NONE_WORKLOAD_SELECTOR, 9,
                "workloadSelector should not be set when resolution mode is NONE");
    }
}
