package io.gwctl.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.validate.Validation;
import io.gwctl.validate.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values of the wrong JSON type. The API server rejects them against the CRD's OpenAPI types with
 * kube-openapi's {@code <path> in body must be of type <type>: "<actual>"}; Istio's strict decoding
 * ({@code ApplyJSONStrict}) rejects them too. fabric8 binding is more lenient (it turns {@code "80"} into
 * 80), so these are found in the plain tree.
 */
class WrongTypeTest {

    private static String gateway(String port, String hosts) {
        return """
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata:
                  name: gw
                  labels:
                    version: v1
                spec:
                  servers:
                  - port:
                      number: %s
                      name: http
                      protocol: HTTP
                    hosts: %s
                """.formatted(port, hosts);
    }

    @Test
    void valuesOfTheRightTypeAreAccepted() {
        assertThat(Validation.findings(gateway("80", "[\"example.com\"]"), SchemaCodes.WRONG_TYPE)).isEmpty();
    }

    @Test
    void quotedNumberIsAString() {
        assertThat(Validation.findings(gateway("\"80\"", "[\"example.com\"]"), SchemaCodes.WRONG_TYPE))
                .singleElement().satisfies(d -> {
                    assertThat(d.line()).isEqualTo(10);
                    assertThat(d.column()).isEqualTo(7);
                    assertThat(d.message())
                            .isEqualTo("spec.servers[0].port.number in body must be of type integer: \"string\"");
                });
    }

    @Test
    void stringWhereAListBelongs() {
        assertThat(Validation.findings(gateway("80", "example.com"), SchemaCodes.WRONG_TYPE))
                .singleElement().satisfies(d -> {
                    assertThat(d.line()).isEqualTo(13);
                    assertThat(d.column()).isEqualTo(5);
                    assertThat(d.message()).isEqualTo("spec.servers[0].hosts in body must be of type array: \"string\"");
                });
    }

    @Test
    void scalarWhereAnObjectBelongsStillGetsTheRestChecked() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: vs
                spec:
                  hosts: ["example.com"]
                  http:
                  - route:
                    - destination:
                        host: web
                        port: 80
                    timeout: 5
                """;
        ValidationReport report = Validation.of(yaml);
        assertThat(report.diagnostics()).filteredOn(d -> d.code() == SchemaCodes.WRONG_TYPE)
                .extracting(d -> d.line() + ":" + d.column() + " " + d.message())
                .containsExactly(
                        "11:9 spec.http[0].route[0].destination.port in body must be of type object: \"integer\"",
                        "12:5 spec.http[0].timeout in body must be of type string: \"integer\"");
    }

    @Test
    void labelValuesMustBeStrings() {
        String yaml = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  labels:
                    version: 2
                    canary: true
                spec:
                  containers:
                  - name: web
                    image: nginx
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.WRONG_TYPE))
                .extracting(d -> d.line() + ":" + d.column() + " " + d.message())
                .containsExactly(
                        "6:5 metadata.labels.version in body must be of type string: \"integer\"",
                        "7:5 metadata.labels.canary in body must be of type string: \"boolean\"");
    }

    @Test
    void intOrStringTakesBothAndStillBinds() {
        String yaml = """
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                spec:
                  ports:
                  - name: http
                    port: 80
                    targetPort: 8080
                  - name: https
                    port: 443
                    targetPort: https
                """;
        assertThat(Validation.of(yaml).diagnostics()).filteredOn(d -> d.code() instanceof SchemaCodes).isEmpty();
        Resource service = ConfigSet.load(List.of(new InMemorySource(Validation.FILE, yaml)),
                new ResourceReader("default")).resources().get(0);
        assertThat(service.as(Service.class)).as("numeric targetPort binds: %s", service.bindError()).isPresent();
    }

    @Test
    void int32FieldsRejectLargerNumbers() {
        String yaml = """
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: vs
                spec:
                  hosts: ["example.com"]
                  http:
                  - route:
                    - destination: {host: web}
                      weight: 3000000000
                """;
        assertThat(Validation.findings(yaml, SchemaCodes.WRONG_TYPE)).singleElement().satisfies(d -> {
            assertThat(d.line()).isEqualTo(10);
            assertThat(d.column()).isEqualTo(7);
            assertThat(d.message()).isEqualTo(
                    "spec.http[0].route[0].weight: Invalid value: 3000000000: must be a 32-bit integer");
        });
        assertThat(Validation.findings(yaml, SchemaCodes.UNREADABLE)).as("the walk explains the bind failure").isEmpty();
    }
}
