package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Istio {@code validateWorkloadSelector} and the selector part of {@code validateExportTo}; cases after
 * {@code TestValidateDestinationRule} (workload selector) and {@code TestValidateExportTo}.
 */
class WorkloadSelectorRuleTest {

    /** A DestinationRule in namespace {@code bookinfo}: selector on line 8, exportTo on line 9. */
    private static String destinationRule(String selector, String exportTo) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                  namespace: bookinfo
                spec:
                  host: reviews
                  workloadSelector: %s
                  exportTo: %s
                """.formatted(selector, exportTo);
    }

    @Test
    void exactLabelsInOwnNamespaceAreAccepted() {
        assertNone(destinationRule("{matchLabels: {app: productpage}}", "[\".\"]"),
                DestinationRuleCodes.WORKLOAD_SELECTOR, DestinationRuleCodes.WORKLOAD_SELECTOR_EMPTY,
                DestinationRuleCodes.WORKLOAD_SELECTOR_EXPORT_TO);
        assertNone(destinationRule("{matchLabels: {app: productpage}}", "[bookinfo]"),
                DestinationRuleCodes.WORKLOAD_SELECTOR_EXPORT_TO);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{matchLabels: {\"\": productpage}}' | empty key is not supported in selector: \"=productpage\"",
            "'{matchLabels: {app: \"product*\"}}' | wildcard is not supported in selector: \"app=product*\"",
            "'{matchLabels: {\"app*\": x}}'       | wildcard is not supported in selector: \"app*=x\""})
    void inexactLabelsAreReported(String selector, String message) {
        assertOne(destinationRule(selector, "[]"), DestinationRuleCodes.WORKLOAD_SELECTOR, 8, message);
    }

    @Test
    void selectorWithoutLabelsIsAWarning() {
        assertOne(destinationRule("{}", "[]"), DestinationRuleCodes.WORKLOAD_SELECTOR_EMPTY, 8,
                "workload selector specified without labels");
    }

    @Test
    void exportBeyondOwnNamespaceIsReported() {
        assertOne(destinationRule("{matchLabels: {app: productpage}}", "[\"*\"]"),
                DestinationRuleCodes.WORKLOAD_SELECTOR_EXPORT_TO, 9,
                "destination rule with workload selector cannot have exportTo beyond current namespace");
    }

    @Test
    void exportToOwnAndOtherNamespacesIsReported() {
        assertOne(destinationRule("{matchLabels: {app: productpage}}", "[\".\", frontend]"),
                DestinationRuleCodes.WORKLOAD_SELECTOR_EXPORT_TO, 9,
                "destination rule with workload selector cannot have multiple entries in exportTo");
    }
}
