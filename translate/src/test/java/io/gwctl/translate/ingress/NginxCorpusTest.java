package io.gwctl.translate.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import io.gwctl.model.testing.Corpus;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.translate.convert.ConversionResult;
import io.gwctl.translate.convert.Notification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-world Ingresses: the F5 NGINX ({@code nginx.org/*}) inputs of ingress2gateway's nginx provider
 * (corpus {@code convert/ingress2gateway-89ab0cdd-nginx-provider/input}). Their outputs are Gateway API,
 * not Istio, so only what holds whatever the target is asserted: with every class converted, each Ingress
 * converts, each of its annotations (none has a VirtualService equivalent) gets a WARN naming it, and the
 * output validates with no errors.
 */
class NginxCorpusTest {

    static Stream<String> inputs() throws IOException {
        Path dir = Corpus.dir("convert/ingress2gateway-89ab0cdd-nginx-provider/input");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void convertsAndWarnsAboutEveryAnnotation(String file) throws IOException {
        Path dir = Corpus.dir("convert/ingress2gateway-89ab0cdd-nginx-provider/input");
        List<Resource> input = Converted.read(file, Files.readString(dir.resolve(file)));
        ConversionResult result = new IngressConverter(IngressOptions.defaults().withAllClasses(true)).convert(input);

        assertThat(result.failures()).isEmpty();
        List<Resource> ingresses = input.stream().filter(r -> r.is(ResourceType.INGRESS)).toList();
        assertThat(ingresses).isNotEmpty();
        for (Resource ingress : ingresses) {
            Map<String, Object> annotations = IngressSpec.map(IngressSpec.map(ingress.tree().get("metadata"))
                    .get("annotations"));
            for (String key : annotations.keySet()) {
                assertThat(result.notifications()).as(key)
                        .anyMatch(n -> n.level() == Notification.Level.WARN && n.object().equals(ingress.key().toString())
                                && n.field().equals("metadata.annotations[\"" + key + "\"]"));
            }
        }
        assertThat(Converted.errors(result)).as(Converted.yaml(result.objects())).isEmpty();
    }
}
