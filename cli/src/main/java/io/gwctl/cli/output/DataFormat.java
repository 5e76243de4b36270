package io.gwctl.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** {@code -o json|yaml} for a command whose default output is for people: a plain document printed as data. */
public enum DataFormat {
    json,
    yaml;

    private static final ObjectMapper JSON = JsonStyle.mapper();

    /** Prints {@code document} (maps, lists, strings, numbers) in this format. */
    public void write(Object document, PrintWriter out) {
        if (this == yaml) {
            DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setSplitLines(false).build();
            out.print(new Dump(settings).dumpToString(document));
            return;
        }
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + document.getClass().getSimpleName(), e);
        }
    }
}
