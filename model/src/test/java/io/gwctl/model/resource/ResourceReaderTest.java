package io.gwctl.model.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.api.networking.v1alpha3.Gateway;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.model.source.LoadedSource;
import io.gwctl.model.yaml.ParseProblem;
import io.gwctl.model.yaml.Position;
import org.junit.jupiter.api.Test;

class ResourceReaderTest {

    private static LoadedSource load(String yaml) {
        return new InMemorySource("t.yaml", yaml).load(new ResourceReader("team"));
    }

    @Test
    void allThreeIstioVersionsShareOneSpecClass() {
        for (String version : new String[] {"v1alpha3", "v1beta1", "v1"}) {
            LoadedSource loaded = load("""
                    apiVersion: networking.istio.io/%s
                    kind: Gateway
                    metadata: {name: gw}
                    spec:
                      servers:
                      - port: {number: 80, name: http, protocol: HTTP}
                        hosts: ["*"]
                    """.formatted(version));
            Resource r = loaded.resources().get(0);
            assertThat(r.spec(Gateway.class)).as(version).hasValueSatisfying(
                    g -> assertThat(g.getServers().get(0).getPort().getNumber()).isEqualTo(80L));
        }
    }

    @Test
    void namespaceDefaultsToTheGivenOne() {
        Resource r = load("apiVersion: v1\nkind: Service\nmetadata: {name: s}\n").resources().get(0);
        assertThat(r.namespace()).isEqualTo("team");
        assertThat(r.declaredNamespace()).isFalse();
        assertThat(r.key()).hasToString("Service team/s");
    }

    @Test
    void listItemsBecomeResourcesWithTheirOwnPositions() {
        LoadedSource loaded = load("""
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Service
                  metadata: {name: a}
                - apiVersion: v1
                  kind: Service
                  metadata:
                    name: b
                """);
        assertThat(loaded.resources()).extracting(Resource::name).containsExactly("a", "b");
        Resource b = loaded.resources().get(1);
        assertThat(b.origin().at("metadata.name")).isEqualTo(new Position(10, 5));
    }

    @Test
    void bareScalarAndMissingKindAreProblems() {
        LoadedSource loaded = load("hello\n---\napiVersion: v1\nmetadata: {name: x}\n");
        assertThat(loaded.resources()).isEmpty();
        assertThat(loaded.problems()).extracting(ParseProblem::kind)
                .containsExactly(ParseProblem.Kind.NOT_AN_OBJECT, ParseProblem.Kind.NOT_A_RESOURCE);
    }

    @Test
    void aTreeThatDoesNotBindIsKeptWithTheReason() {
        Resource r = load("""
                apiVersion: networking.istio.io/v1
                kind: Gateway
                metadata: {name: gw}
                spec:
                  servers:
                  - port: {number: eighty}
                """).resources().get(0);
        assertThat(r.object()).isEmpty();
        assertThat(r.bindError()).isPresent();
        assertThat(r.tree()).containsKey("spec");
    }

    @Test
    void kubernetesIngressVersionsAreKnown() {
        assertThat(ResourceType.of("networking.k8s.io/v1", "Ingress")).contains(ResourceType.INGRESS);
        assertThat(ResourceType.of("networking.k8s.io/v1beta1", "Ingress")).contains(ResourceType.INGRESS_V1BETA1);
        assertThat(ResourceType.of("extensions/v1beta1", "Ingress")).contains(ResourceType.INGRESS_EXTENSIONS);
        assertThat(ResourceType.of("networking.istio.io/v2", "Gateway")).isEmpty();
    }
}
