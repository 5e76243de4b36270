package io.gwctl.translate.ingress;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatch;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchExact;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchPrefix;
import io.fabric8.istio.api.api.networking.v1alpha3.StringMatchRegex;
import io.fabric8.istio.api.networking.v1.Gateway;
import io.fabric8.istio.api.networking.v1.VirtualService;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.ConfigSource;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.translate.convert.ConversionResult;
import io.gwctl.validate.ValidationReport;
import io.gwctl.validate.Validator;
import io.gwctl.validate.analysis.AnalysisCodes;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.Severity;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the converter over YAML written in a test and checks what it produced the way a user would: written
 * out, read back and validated.
 */
final class Converted {

    static final String FILE = "ingress.yaml";
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private Converted() {
    }

    static List<Resource> read(String name, String yaml) {
        return ConfigSet.load(List.of(new InMemorySource(name, yaml)), new ResourceReader("default")).resources();
    }

    static ConversionResult of(String yaml) {
        return of(yaml, IngressOptions.defaults());
    }

    static ConversionResult of(String yaml, IngressOptions options) {
        return new IngressConverter(options).convert(read(FILE, yaml));
    }

    static VirtualService vs(ConversionResult result, String name) {
        return result.objects().stream().filter(VirtualService.class::isInstance).map(VirtualService.class::cast)
                .filter(v -> v.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no VirtualService " + name + " in " + names(result)));
    }

    static Gateway gateway(ConversionResult result) {
        return result.objects().stream().filter(Gateway.class::isInstance).map(Gateway.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no Gateway in " + names(result)));
    }

    static List<String> names(ConversionResult result) {
        return result.objects().stream().map(o -> o.getKind() + " " + o.getMetadata().getNamespace() + "/"
                + o.getMetadata().getName()).toList();
    }

    /**
     * Each route of {@code vs} as {@code exact:/a|prefix:/a/ -> host:port} ({@code * -> …} without a match),
     * in order.
     */
    static List<String> routes(VirtualService vs) {
        return vs.getSpec().getHttp().stream().map(r -> {
            String match = r.getMatch() == null || r.getMatch().isEmpty() ? "*"
                    : r.getMatch().stream().map(m -> uri(m.getUri())).collect(Collectors.joining("|"));
            var d = r.getRoute().get(0).getDestination();
            return match + " -> " + d.getHost() + (d.getPort() == null ? "" : ":" + d.getPort().getNumber());
        }).toList();
    }

    static String uri(StringMatch match) {
        if (match == null) {
            return "any";
        }
        if (match.getMatchType() instanceof StringMatchExact e) {
            return "exact:" + e.getExact();
        }
        if (match.getMatchType() instanceof StringMatchPrefix p) {
            return "prefix:" + p.getPrefix();
        }
        return "regex:" + ((StringMatchRegex) match.getMatchType()).getRegex();
    }

    /** The objects as multi-document YAML (JSON documents, which YAML reads). */
    static String yaml(List<HasMetadata> objects) {
        try {
            List<String> docs = new ArrayList<>();
            for (HasMetadata o : objects) {
                docs.add(JSON.writeValueAsString(o));
            }
            return String.join("\n---\n", docs) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Validates the converted objects with the whole validator (per-resource rules and cross-resource
     * analysis), next to a Service for every destination host and a gateway Pod the selector picks, so that
     * analysis judges the conversion, not the absence of a cluster. TLS Secrets are not made up: the
     * converter cannot produce them and warns that they must exist in the gateway's namespace, so
     * {@link #errors} leaves out the finding that says they are missing.
     */
    static ValidationReport validate(ConversionResult result) {
        List<ConfigSource> sources = List.of(new InMemorySource("converted.yaml", yaml(result.objects())),
                new InMemorySource("cluster.yaml", cluster(result)));
        return new Validator().validate(ConfigSet.load(sources, new ResourceReader("default")));
    }

    /** The error findings of {@link #validate}, without the missing-Secret finding the converter warns about. */
    static List<Diagnostic> errors(ConversionResult result) {
        return validate(result).diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                .filter(d -> d.code() != AnalysisCodes.CREDENTIAL_NOT_FOUND).toList();
    }

    private static String cluster(ConversionResult result) {
        Map<String, Set<Long>> services = new LinkedHashMap<>();
        for (HasMetadata o : result.objects()) {
            if (o instanceof VirtualService vs && vs.getSpec().getHttp() != null) {
                vs.getSpec().getHttp().forEach(r -> r.getRoute().forEach(d -> services
                        .computeIfAbsent(d.getDestination().getHost(), h -> new LinkedHashSet<>())
                        .add(d.getDestination().getPort() == null ? 80L : d.getDestination().getPort().getNumber())));
            }
        }
        List<String> docs = new ArrayList<>();
        services.forEach((host, ports) -> {
            String[] parts = host.split("\\.");
            docs.add("apiVersion: v1\nkind: Service\nmetadata:\n  name: " + parts[0] + "\n  namespace: " + parts[1]
                    + "\nspec:\n  ports:\n" + ports.stream().map(p -> "  - name: http-" + p + "\n    port: " + p)
                            .collect(Collectors.joining("\n")));
        });
        docs.add("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: istio-ingressgateway
                  namespace: istio-system
                  labels:
                    istio: ingressgateway
                spec:
                  containers:
                  - name: istio-proxy
                    image: istio/proxyv2
                """);
        return String.join("\n---\n", docs);
    }
}
