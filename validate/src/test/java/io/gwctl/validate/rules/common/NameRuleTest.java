package io.gwctl.validate.rules.common;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Kubernetes' {@code ValidateObjectMeta} with {@code NameIsDNSSubdomain}, which the API server applies to
 * every custom resource (apimachinery {@code IsDNS1123Subdomain}).
 */
class NameRuleTest {

    private static final String SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character "
            + "(e.g. 'example.com', regex used for validation is "
            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private static String destinationRule(String metadata) {
        return """
                apiVersion: networking.istio.io/v1
                kind: DestinationRule
                metadata:
                %s
                spec:
                  host: reviews
                """.formatted(metadata);
    }

    @Test
    void dottedLowerCaseNameIsAccepted() {
        assertNone(destinationRule("  name: reviews.v1-2"), CommonCodes.NAME_REQUIRED, CommonCodes.NAME_INVALID);
    }

    @Test
    void generateNameStandsInForTheName() {
        assertNone(destinationRule("  generateName: reviews-"), CommonCodes.NAME_REQUIRED);
    }

    @Test
    void missingNameIsReportedAtMetadata() {
        assertOne(destinationRule("  namespace: bookinfo"), CommonCodes.NAME_REQUIRED, 3,
                "metadata.name: Required value: name or generateName is required");
    }

    @Test
    void emptyNameIsMissing() {
        assertOne(destinationRule("  name: \"\""), CommonCodes.NAME_REQUIRED, 4, "metadata.name: Required value: name or generateName is required");
    }

    @Test
    void upperCaseAndUnderscoreAreRejected() {
        assertOne(destinationRule("  name: Reviews_1"), CommonCodes.NAME_INVALID, 4,
                "Invalid value: \"Reviews_1\": " + SUBDOMAIN_MESSAGE);
    }

    @Test
    void nameLongerThan253IsRejected() {
        String name = "a".repeat(254);
        assertOne(destinationRule("  name: " + name), CommonCodes.NAME_INVALID, 4,
                "Invalid value: \"" + name + "\": must be no more than 253 characters");
    }

    @Test
    void checkedAlsoOnKindsWithoutOtherRulesHere() {
        String sidecar = """
                apiVersion: networking.istio.io/v1
                kind: Sidecar
                metadata:
                  name: Default
                spec: {}
                """;
        assertOne(sidecar, CommonCodes.NAME_INVALID, 4, "Invalid value: \"Default\": " + SUBDOMAIN_MESSAGE);
    }
}
