package io.gwctl.cli.output;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** How gwctl's own JSON looks everywhere: indented, {@code "key": value} as kubectl and Envoy print it. */
public final class JsonStyle {

    private JsonStyle() {
    }

    /** A mapper that prints in that style; configure further per use. */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .setDefaultPrettyPrinter(new DefaultPrettyPrinter().withSeparators(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)))
                .enable(SerializationFeature.INDENT_OUTPUT);
    }
}
