package io.gwctl.translate.legacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceReader;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.InMemorySource;
import io.gwctl.translate.convert.ConversionResult;
import io.gwctl.validate.ValidationReport;
import io.gwctl.validate.Validator;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.Severity;
import java.util.List;
import java.util.Map;

/** Reads YAML into resources, converts them, and validates what came out. */
final class Legacy {

    static final ObjectMapper JSON = new ObjectMapper();

    private Legacy() {
    }

    static List<Resource> read(String yaml) {
        return ConfigSet.load(List.of(new InMemorySource("rules.yaml", yaml)), new ResourceReader("default"))
                .resources();
    }

    static ConversionResult convert(String yaml) {
        return new RouteRuleConverter().convert(read(yaml));
    }

    /** The object as plain JSON maps and lists, as it would be written. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(HasMetadata object) {
        return JSON.convertValue(object, Map.class);
    }

    /**
     * The per-resource errors {@code gwctl validate} finds in the objects once written out and read back:
     * errors outside the cross-resource analysis (GW08xx, which needs the cluster's Services).
     */
    static List<Diagnostic> perResourceErrors(List<HasMetadata> objects) {
        return validate(objects).diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR && !d.code().code().startsWith("GW08"))
                .toList();
    }

    /** The objects written out and read back by the validator, as {@code gwctl validate} would see them. */
    static ValidationReport validate(List<HasMetadata> objects) {
        StringBuilder text = new StringBuilder();
        for (HasMetadata o : objects) {
            try {
                text.append("---\n").append(JSON.writeValueAsString(o)).append('\n');
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        ConfigSet set = ConfigSet.load(List.of(new InMemorySource("converted.yaml", text.toString())),
                new ResourceReader("default"));
        return new Validator().validate(set);
    }
}
