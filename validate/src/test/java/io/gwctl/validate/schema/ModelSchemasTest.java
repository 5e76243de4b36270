package io.gwctl.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.istio.api.api.networking.v1alpha3.HTTPMatchRequest;
import io.fabric8.istio.api.api.networking.v1alpha3.ServerTLSSettings;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.gwctl.model.resource.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schema derived from the fabric8 model, and the tables that correct it. */
class ModelSchemasTest {

    @Test
    void everyCheckedKindHasTheKubernetesTopLevelFields() {
        for (ResourceType type : ResourceType.values()) {
            if (type.isLegacy()) {
                continue;
            }
            for (String version : type.versions()) {
                ObjectShape shape = ModelSchemas.of(type.classFor(version));
                assertThat(shape.names()).as("%s %s", type, version).contains("apiVersion", "kind", "metadata");
                assertThat(shape.property("metadata")).isInstanceOfSatisfying(ObjectShape.class,
                        meta -> assertThat(meta.names()).contains("name", "namespace", "labels", "annotations"));
            }
        }
    }

    @Test
    void shapesAreReadOnceAndShared() {
        assertThat(ModelSchemas.of(HTTPMatchRequest.class)).isSameAs(ModelSchemas.of(HTTPMatchRequest.class));
        ObjectShape match = ModelSchemas.of(HTTPMatchRequest.class);
        assertThat(match.property("uri")).isSameAs(ModelSchemas.of(StringMatch.class));
    }

    @Test
    void unwrappedOneofIsLiftedIntoItsObject() {
        ObjectShape stringMatch = ModelSchemas.of(StringMatch.class);
        assertThat(stringMatch.names()).containsExactly("exact", "prefix", "regex");
        assertThat(stringMatch.oneOfs()).singleElement().satisfies(oneOf -> assertThat(oneOf.alternatives())
                .containsExactly(Set.of("exact"), Set.of("prefix"), Set.of("regex")));
    }

    @Test
    void enumValuesKeepTheProtoOrder() {
        Shape mode = ModelSchemas.of(ServerTLSSettings.class).property("mode");
        assertThat(mode).isEqualTo(new Shape.Enumeration(List.of("PASSTHROUGH", "SIMPLE", "MUTUAL",
                "AUTO_PASSTHROUGH", "ISTIO_MUTUAL", "OPTIONAL_MUTUAL")));
    }

    @Test
    void everyRequiredFieldIsAPropertyOfItsClass() {
        for (Map.Entry<Class<?>, Set<String>> e : RequiredFields.all().entrySet()) {
            assertThat(ModelSchemas.of(e.getKey()).names()).as(e.getKey().getName()).containsAll(e.getValue());
        }
    }

    @Test
    void crdAdditionsReachTheirObjects() {
        String[][] paths = {
            {"DestinationRule", "trafficPolicy", "loadBalancer", "zoneAwareLbSetting"},
            {"DestinationRule", "trafficPolicy", "loadBalancer", "consistentHash", "ringHash", "minimumRingSize"},
            {"VirtualService", "http[]", "redirect", "prefixRewrite"},
            {"Gateway", "servers[]", "tls", "insecureSkipVerify"},
        };
        for (String[] path : paths) {
            Shape shape = ModelSchemas.of(specClass(path[0]));
            for (int i = 1; i < path.length; i++) {
                String name = path[i].replace("[]", "");
                assertThat(shape).as(String.join(".", path)).isInstanceOf(ObjectShape.class);
                shape = ((ObjectShape) shape).property(name);
                assertThat(shape).as("%s at %s", String.join(".", path), name).isNotNull();
                if (path[i].endsWith("[]")) {
                    shape = ((Shape.ListOf) shape).items();
                }
            }
        }
    }

    private static Class<?> specClass(String kind) {
        try {
            return Class.forName("io.fabric8.istio.api.api.networking.v1alpha3." + kind);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
