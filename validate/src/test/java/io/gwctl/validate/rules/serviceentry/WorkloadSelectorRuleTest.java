package io.gwctl.validate.rules.serviceentry;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Istio {@code ValidateAlphaWorkloadSelector} and {@code ValidateServiceEntry}; cases after
 * {@code TestValidateServiceEntries} (workload selector).
 */
class WorkloadSelectorRuleTest {

    /** A STATIC ServiceEntry whose workloadSelector is on line 9. */
    private static String serviceEntry(String selector, String endpoints) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: vms
                spec:
                  hosts: [vm.example.com]
                  resolution: STATIC
                  ports: [{number: 80, name: http, protocol: HTTP}]
                  workloadSelector: %s
                  endpoints: %s
                """.formatted(selector, endpoints);
    }

    @Test
    void exactLabelsAreAccepted() {
        assertNone(serviceEntry("{labels: {app: vm}}", "[]"), ServiceEntryCodes.WORKLOAD_SELECTOR,
                ServiceEntryCodes.WORKLOAD_SELECTOR_EMPTY, ServiceEntryCodes.SELECTOR_WITH_ENDPOINTS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{labels: {\"\": vm}}'      | empty key is not supported in selector: \"=vm\"",
            "'{labels: {app: \"vm*\"}}'  | wildcard is not supported in selector: \"app=vm*\""})
    void inexactLabelsAreReported(String selector, String message) {
        assertOne(serviceEntry(selector, "[]"), ServiceEntryCodes.WORKLOAD_SELECTOR, 9, message);
    }

    @Test
    void selectorWithoutLabelsIsAWarning() {
        assertOne(serviceEntry("{}", "[]"), ServiceEntryCodes.WORKLOAD_SELECTOR_EMPTY, 9,
                "service entry: workload selector specified without labels, will be applied to all services in namespace");
    }

    @Test
    void selectorAndEndpointsExcludeEachOther() {
        assertOne(serviceEntry("{labels: {app: vm}}", "[{address: 10.0.0.1}]"), ServiceEntryCodes.SELECTOR_WITH_ENDPOINTS,
                9, "only one of WorkloadSelector or Endpoints is allowed in Service Entry");
    }
}
