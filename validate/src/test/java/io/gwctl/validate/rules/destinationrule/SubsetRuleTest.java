package io.gwctl.validate.rules.destinationrule;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Istio {@code ValidateDestinationRule}, {@code validateSubsetName} and {@code labels.Instance.Validate};
 * cases after {@code TestValidateDestinationRule} and {@code TestLabelsValidate}.
 */
class SubsetRuleTest {

    /** A DestinationRule whose subsets list starts on line 8. */
    private static String destinationRule(String subsets) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                  name: reviews
                spec:
                  host: reviews
                  subsets:
                """ + subsets;
    }

    @Test
    void namedSubsetsWithLabelsAreAccepted() {
        String yaml = destinationRule("""
                  - name: v1
                    labels: {version: v1, app.kubernetes.io/part-of: Bookinfo, empty: ""}
                  - name: V2
                """);
        assertNone(yaml, DestinationRuleCodes.SUBSET_NULL, DestinationRuleCodes.SUBSET_DUPLICATE,
                DestinationRuleCodes.SUBSET_NAME, DestinationRuleCodes.SUBSET_LABELS);
    }

    @Test
    void nullSubsetIsReported() {
        assertOne(destinationRule("  - name: v1\n  - null\n"), DestinationRuleCodes.SUBSET_NULL, 9,
                "subset may not be null");
    }

    @Test
    void duplicateNameIsReportedAtTheSecond() {
        assertOne(destinationRule("  - name: v1\n  - name: v1\n"), DestinationRuleCodes.SUBSET_DUPLICATE, 9,
                "duplicate subset names: v1");
    }

    @Test
    void emptyNameIsReported() {
        assertOne(destinationRule("  - labels: {version: v1}\n"), DestinationRuleCodes.SUBSET_NAME, 8,
                "subset name cannot be empty");
    }

    @Test
    void dottedNameIsReported() {
        assertOne(destinationRule("  - name: v1.2\n"), DestinationRuleCodes.SUBSET_NAME, 8,
                "subset name is invalid: v1.2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'{\"-version\": v1}'  | invalid tag key: \"-version\"",
            "'{\"a/b/c\": v1}'     | invalid tag key: \"a/b/c\"",
            "'{version: \"v1/\"}'  | invalid tag value: \"v1/\"",
            "'{version: \"-v1\"}'  | invalid tag value: \"-v1\""})
    void invalidLabelsAreReportedAtTheLabel(String labels, String message) {
        assertOne(destinationRule("  - name: v1\n    labels: " + labels + "\n"), DestinationRuleCodes.SUBSET_LABELS, 9,
                message);
    }

    @Test
    void labelNameLongerThan63IsReported() {
        String key = "a".repeat(64);
        assertOne(destinationRule("  - name: v1\n    labels:\n      " + key + ": v1\n"),
                DestinationRuleCodes.SUBSET_LABELS, 10, "invalid tag key: \"" + key + "\" (name is too long)");
    }

    @Test
    void labelPrefixLongerThan253IsReported() {
        String key = ("a".repeat(60) + ".").repeat(4) + "b".repeat(20) + "/name";
        assertOne(destinationRule("  - name: v1\n    labels:\n      " + key + ": v1\n"),
                DestinationRuleCodes.SUBSET_LABELS, 10, "invalid tag key: \"" + key + "\" (DNS prefix is too long)");
    }
}
