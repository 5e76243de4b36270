package io.gwctl.validate.rules.common;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio's {@code validateExportTo} and {@code visibility.Instance.Validate}; cases follow
 * {@code TestValidateExportTo} in pkg/config/validation/validation_test.go.
 */
class ExportToRuleTest {

    /** A VirtualService in namespace {@code bookinfo}; the exportTo entries start on line 12. */
    private static String virtualService(String... exportTo) {
        return """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: reviews
                  namespace: bookinfo
                spec:
                  hosts: [reviews]
                  http:
                  - route:
                    - destination: {host: reviews}
                  exportTo:
                """ + entries(exportTo);
    }

    /** A ServiceEntry in namespace {@code bookinfo}; the exportTo entries start on line 11. */
    private static String serviceEntry(String... exportTo) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: api
                  namespace: bookinfo
                spec:
                  hosts: [api.example.com]
                  ports:
                  - {number: 443, name: tls, protocol: TLS}
                  exportTo:
                """ + entries(exportTo);
    }

    private static String entries(String... exportTo) {
        StringBuilder out = new StringBuilder();
        for (String e : exportTo) {
            out.append("  - \"").append(e).append("\"\n");
        }
        return out.toString();
    }

    @Test
    void privateAndOtherNamespacesAreAccepted() {
        assertNone(virtualService(".", "istio-system", "frontend"), CommonCodes.EXPORT_TO_DUPLICATE,
                CommonCodes.EXPORT_TO_VALUE, CommonCodes.EXPORT_TO_PUBLIC_AND_OTHERS);
    }

    @Test
    void dotAndOwnNamespaceAreTheSameEntry() {
        assertOne(virtualService("bookinfo", "."), CommonCodes.EXPORT_TO_DUPLICATE, 13,
                "duplicate entries in exportTo: . and current namespace bookinfo");
    }

    @Test
    void repeatedNamespaceIsADuplicate() {
        assertOne(virtualService("frontend", "frontend"), CommonCodes.EXPORT_TO_DUPLICATE, 13,
                "duplicate entries in exportTo for entry frontend");
    }

    @Test
    void noneIsOnlyForServiceEntries() {
        assertOne(virtualService("~"), CommonCodes.EXPORT_TO_VALUE, 12,
                "exportTo ~ (none) is not allowed for Istio configuration objects");
    }

    @Test
    void entryMustBeANamespaceName() {
        assertOne(virtualService("front_end"), CommonCodes.EXPORT_TO_VALUE, 12,
                "only .,*, or a valid DNS 1123 label is allowed as exportTo entry");
    }

    @Test
    void publicStandsAlone() {
        assertOne(virtualService("*", "frontend"), CommonCodes.EXPORT_TO_PUBLIC_AND_OTHERS, 11,
                "cannot have both public (*) and non-public exportTo values for a resource");
    }

    @Test
    void serviceEntryMayBeExportedToNoOne() {
        assertNone(serviceEntry("~"), CommonCodes.EXPORT_TO_VALUE, CommonCodes.EXPORT_TO_NONE_AND_OTHERS);
    }

    @Test
    void noneStandsAlone() {
        assertOne(serviceEntry("~", "frontend"), CommonCodes.EXPORT_TO_NONE_AND_OTHERS, 10,
                "cannot export service entry to no one (~) and someone");
    }
}
