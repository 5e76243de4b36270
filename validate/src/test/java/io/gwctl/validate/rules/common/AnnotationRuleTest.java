package io.gwctl.validate.rules.common;

import static io.gwctl.validate.rules.common.RuleAssertions.assertNone;
import static io.gwctl.validate.rules.common.RuleAssertions.assertOne;

import org.junit.jupiter.api.Test;

/**
 * Istio's {@code validateMetadata} and {@code checkDryRunAnnotation} (pkg/config/validation/validation.go),
 * which wrap every registered validator.
 */
class AnnotationRuleTest {

    private static String serviceEntry(String annotation) {
        return """
                apiVersion: networking.istio.io/v1
                kind: ServiceEntry
                metadata:
                  name: external
                  namespace: egress
                  annotations:
                    %s: "true"
                spec:
                  hosts: [api.example.com]
                  resolution: DNS
                  ports:
                  - {number: 443, name: tls, protocol: TLS}
                """.formatted(annotation);
    }

    @Test
    void ordinaryAnnotationsAreAccepted() {
        assertNone(serviceEntry("example.com/owner"), CommonCodes.DRY_RUN, CommonCodes.ALWAYS_REJECT,
                CommonCodes.INTERNAL_ANNOTATION);
    }

    @Test
    void dryRunIsOnlyForAuthorizationPolicies() {
        assertOne(serviceEntry("istio.io/dry-run"), CommonCodes.DRY_RUN, 7,
                "egress/external has unsupported annotation istio.io/dry-run, please remove the annotation");
    }

    @Test
    void dryRunMessageUsesTheDefaultNamespaceWhenNoneIsSet() {
        String gateway = """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                  annotations: {istio.io/dry-run: "true"}
                spec:
                  servers:
                  - port: {number: 80, name: http, protocol: HTTP}
                    hosts: ["*.example.com"]
                """;
        assertOne(gateway, CommonCodes.DRY_RUN, 5,
                "default/gw has unsupported annotation istio.io/dry-run, please remove the annotation");
    }

    @Test
    void alwaysRejectAnnotationIsRejected() {
        assertOne(serviceEntry("internal.istio.io/webhook-always-reject"), CommonCodes.ALWAYS_REJECT, 7,
                "\"internal.istio.io/webhook-always-reject\" annotation found, rejecting");
    }

    @Test
    void parentNamespaceAnnotationMayNotBeSetByUsers() {
        assertOne(serviceEntry("internal.istio.io/parent-namespace"), CommonCodes.INTERNAL_ANNOTATION, 7,
                "\"internal.istio.io/parent-namespace\" annotation found, this may not be set by users");
    }

    @Test
    void parentsAnnotationMayNotBeSetByUsers() {
        assertOne(serviceEntry("internal.istio.io/parents"), CommonCodes.INTERNAL_ANNOTATION, 7,
                "\"internal.istio.io/parents\" annotation found, this may not be set by users");
    }
}
