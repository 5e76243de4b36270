package io.gwctl.proxy.stats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Envoy's {@code /stats?format=json} (envoyproxy/envoy source/server/admin/stats_render.cc,
 * {@code StatsJsonRender}):
 *
 * <pre>
 * {"stats":[{"name":"cluster.x.upstream_rq_total","value":3}, ...,
 *   {"histograms":{"supported_quantiles":[0,25,50,75,90,95,99,99.5,99.9,100],
 *     "computed_quantiles":[{"name":"cluster.x.upstream_rq_time","values":[{"cumulative":0.5,"interval":null}, ...]}]}}]}
 * </pre>
 *
 * Quantiles are in milliseconds; {@code interval} is null because the embedded gateway does not flush stats
 * (see {@link StatsText}), and {@code cumulative} is null for a histogram without values.
 */
public final class StatsJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] SUPPORTED_QUANTILES = {"0", "25", "50", "75", "90", "95", "99", "99.5", "99.9", "100"};

    private StatsJson() {
    }

    /** Every stat of {@code stats} whose name {@code filter} finds (all when it is null). */
    public static String render(GatewayStats stats, Pattern filter) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            List<Stat> histograms = new ArrayList<>();
            out.writeStartObject();
            out.writeArrayFieldStart("stats");
            for (Stat stat : stats.snapshot()) {
                if (filter != null && !filter.matcher(stat.name()).find()) {
                    continue;
                }
                if (stat.type() == Stat.Type.HISTOGRAM) {
                    histograms.add(stat);
                    continue;
                }
                out.writeStartObject();
                out.writeStringField("name", stat.name());
                out.writeNumberField("value", stat.value());
                out.writeEndObject();
            }
            if (!histograms.isEmpty()) {
                writeHistograms(out, histograms);
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write stats JSON to a string", e);
        }
        return text.toString();
    }

    private static void writeHistograms(JsonGenerator out, List<Stat> histograms) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("histograms");
        out.writeArrayFieldStart("supported_quantiles");
        for (String q : SUPPORTED_QUANTILES) {
            out.writeNumber(q);
        }
        out.writeEndArray();
        out.writeArrayFieldStart("computed_quantiles");
        for (Stat stat : histograms) {
            out.writeStartObject();
            out.writeStringField("name", stat.name());
            out.writeArrayFieldStart("values");
            for (double q : Histogram.SUPPORTED_QUANTILES) {
                out.writeStartObject();
                out.writeFieldName("cumulative");
                double value = stat.histogram().quantile(q);
                if (Double.isNaN(value)) {
                    out.writeNull();
                } else {
                    out.writeNumber(Milliseconds.of(value));
                }
                out.writeNullField("interval");
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndObject();
    }
}
