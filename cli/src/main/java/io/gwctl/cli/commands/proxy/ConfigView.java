package io.gwctl.cli.commands.proxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Message;
import io.gwctl.translate.envoy.dump.EnvoyJson;
import java.util.List;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Envoy objects as Envoy prints them: a JSON array, or the same data in YAML. */
final class ConfigView {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The formats of {@code proxy-config -o}. */
    enum Format {
        table,
        json,
        yaml
    }

    private ConfigView() {
    }

    static String json(List<? extends Message> messages) {
        return messages.stream().map(EnvoyJson::print).collect(Collectors.joining(",\n", "[", "]")) + "\n";
    }

    static String render(Format format, List<? extends Message> messages) {
        String json = json(messages);
        return format == Format.yaml ? yaml(json) : json;
    }

    static String render(Format format, Message message) {
        String json = EnvoyJson.print(message) + "\n";
        return format == Format.yaml ? yaml(json) : json;
    }

    private static String yaml(String json) {
        try {
            Object tree = JSON.readValue(json, Object.class);
            return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setSplitLines(false).build())
                    .dumpToString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-read Envoy's JSON", e);
        }
    }
}
