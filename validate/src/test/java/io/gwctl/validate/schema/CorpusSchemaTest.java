package io.gwctl.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.testing.Corpus;

import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.validate.Validator;
import io.gwctl.validate.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema check over every YAML and JSON file of the shared corpus (Istio's analyzer and converter
 * test data, ingress2gateway fixtures, gateway simulation cases): a guard against false positives.
 * The findings it does make are real departures from the CRDs and the Kubernetes API:
 * <ul>
 *   <li>ingress2gateway's Gateway input leaves {@code port.name} out (the CRD requires it) and its
 *       VirtualService input has {@code allowOrigins} one level too high (under the route, not
 *       {@code corsPolicy});</li>
 *   <li>Istio's current Ingress conversion inputs are {@code networking.k8s.io/v1} without
 *       {@code pathType};</li>
 *   <li>Istio's analyzer inputs {@code conflicting-gateways-invalid-port.yaml} (servers without a port)
 *       and {@code virtualservice_destinationhosts.yaml} ("test destination null") are invalid on
 *       purpose.</li>
 * </ul>
 */
class CorpusSchemaTest {

    @Test
    void corpusFindingsAreExactlyTheKnownDeparturesFromTheSchema() throws IOException {
        Path corpus = Corpus.dir("");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().matches(".*\\.(yaml|yml|json)$")).sorted().toList();
        }
        assertThat(files).as("corpus files under %s", corpus.toAbsolutePath()).hasSizeGreaterThan(100);
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            // One run per file: the corpus repeats names across unrelated cases.
            String name = corpus.relativize(file).toString().replace('\\', '/');
            ConfigSet config = ConfigSet.load(List.of(new InMemorySource(name, Files.readString(file))),
                    new ResourceReader("default"));
            new Validator(SchemaRules.all(), List.of()).validate(config).diagnostics().stream()
                    .filter(d -> d.code() instanceof SchemaCodes)
                    .map(CorpusSchemaTest::describe)
                    .forEach(found::add);
        }
        String gateway = "convert/ingress2gateway-89ab0cdd-istio-provider/input/1-gateway.yaml"
                + " GW0104 spec.servers[%d].port.name";
        String ingress = "convert/istio-master-86c9f01f-pilot-ingress-conversion/%s"
                + " GW0104 spec.rules[0].http.paths[%d].pathType";
        assertThat(found).containsExactlyInAnyOrder(
                gateway.formatted(1), gateway.formatted(2), gateway.formatted(3), gateway.formatted(4),
                gateway.formatted(5), gateway.formatted(6), gateway.formatted(7), gateway.formatted(8),
                "convert/ingress2gateway-89ab0cdd-istio-provider/input/2-virtualservice-http.yaml"
                        + " GW0101 spec.http[0].allowOrigins",
                ingress.formatted("overlay.yaml", 0), ingress.formatted("overlay.yaml", 0),
                ingress.formatted("simple.yaml", 0), ingress.formatted("simple.yaml", 1),
                ingress.formatted("simple.yaml", 2), ingress.formatted("simple.yaml", 3),
                ingress.formatted("simple.yaml", 4), ingress.formatted("simple.yaml", 5),
                ingress.formatted("tls-no-secret.yaml", 0), ingress.formatted("tls.yaml", 0),
                "istio-analyzers/conflicting-gateways-invalid-port.yaml GW0104 spec.servers[0].port",
                "istio-analyzers/conflicting-gateways-invalid-port.yaml GW0104 spec.servers[0].port",
                "istio-analyzers/virtualservice_destinationhosts.yaml GW0104 spec.http[0].route[0].destination");
    }

    private static String describe(Diagnostic d) {
        return d.file() + " " + d.code().code() + " " + d.path();
    }
}
