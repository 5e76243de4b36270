package io.gwctl.cli.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gwctl.cli.output.JsonStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes Istio objects as manifests {@code kubectl apply -f} takes: multi-document YAML, or a JSON
 * {@code v1 List}, in a canonical order (Gateways, VirtualServices, DestinationRules, ServiceEntries;
 * then namespace, then name) so that output diffs cleanly from one run to the next.
 *
 * <p>The objects are fabric8's {@code networking.istio.io/v1} classes; the three Istio API versions share
 * one schema, so writing another version is only a matter of the {@code apiVersion} field.
 */
public final class ManifestWriter {

    private static final List<String> KIND_ORDER = List.of("Gateway", "VirtualService", "DestinationRule", "ServiceEntry");
    private static final Comparator<HasMetadata> ORDER = Comparator
            .comparingInt((HasMetadata o) -> kindRank(o.getKind()))
            .thenComparing(o -> Objects.toString(o.getMetadata().getNamespace(), ""))
            .thenComparing(o -> Objects.toString(o.getMetadata().getName(), ""));
    private static final ObjectMapper MAPPER = JsonStyle.mapper()
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    /** The formats of {@code convert -o}. */
    public enum Format {
        yaml,
        json
    }

    private final Format format;
    private final String apiVersion;

    /**
     * @param format     YAML documents or a JSON List
     * @param apiVersion {@code networking.istio.io/v1}, {@code …/v1beta1} or {@code …/v1alpha3}
     */
    public ManifestWriter(Format format, String apiVersion) {
        this.format = Objects.requireNonNull(format, "format");
        this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    }

    /** The whole manifest as text, ready to be written in one go. */
    public String render(List<? extends HasMetadata> objects) {
        List<HasMetadata> sorted = new ArrayList<>(objects);
        sorted.sort(ORDER);
        List<Map<String, Object>> trees = sorted.stream().map(this::tree).toList();
        if (format == Format.json) {
            Map<String, Object> list = new LinkedHashMap<>();
            list.put("apiVersion", "v1");
            list.put("kind", "List");
            list.put("items", trees);
            try {
                return MAPPER.writeValueAsString(list) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the converted objects as JSON", e);
            }
        }
        Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setSplitLines(false).build());
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> tree : trees) {
            out.append("---\n").append(dump.dumpToString(tree));
        }
        return out.toString();
    }

    /** One object as a plain tree, apiVersion first, empty fields left out. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> tree(HasMetadata object) {
        Map<String, Object> raw = MAPPER.convertValue(object, LinkedHashMap.class);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("apiVersion", apiVersion);
        tree.put("kind", object.getKind());
        raw.forEach((k, v) -> {
            if (!k.equals("apiVersion") && !k.equals("kind") && !k.equals("status")) {
                tree.put(k, v);
            }
        });
        return tree;
    }

    private static int kindRank(String kind) {
        int i = KIND_ORDER.indexOf(kind);
        return i < 0 ? KIND_ORDER.size() : i;
    }
}
