package io.gwctl.validate.rules.legacy;

import io.gwctl.model.yaml.FieldPath;
import io.gwctl.model.yaml.PositionIndex;
import io.gwctl.validate.rules.RuleContext;

/**
 * The field paths legacy rules point at. Protobuf's JSON parser took a field under its JSON name
 * ({@code httpReqRetries}) or its proto name ({@code http_req_retries}); a path names the spelling the
 * user wrote, so the finding points at it.
 */
final class LegacyPaths {

    static final String SPEC = "spec";

    private LegacyPaths() {
    }

    /** The path of field {@code jsonName} under {@code parent}, in the spelling written. */
    static String field(RuleContext context, String parent, String jsonName) {
        String path = FieldPath.field(parent, jsonName);
        PositionIndex positions = context.resource().origin().positions();
        if (positions.has(path)) {
            return path;
        }
        String snake = FieldPath.field(parent, snakeCase(jsonName));
        return positions.has(snake) ? snake : path;
    }

    /** The path of {@code spec.<jsonName>}, in the spelling written. */
    static String spec(RuleContext context, String jsonName) {
        return field(context, SPEC, jsonName);
    }

    /** Whether the field at {@code path} is written in the source (present, even if empty). */
    static boolean written(RuleContext context, String path) {
        return context.resource().origin().positions().has(path);
    }

    /** The path of item {@code index} of the list at {@code parent}. */
    static String item(String parent, int index) {
        return FieldPath.item(parent, index);
    }

    private static String snakeCase(String jsonName) {
        StringBuilder out = new StringBuilder();
        for (char c : jsonName.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
