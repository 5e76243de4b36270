package io.gwctl.translate.legacy;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.yaml.PositionIndex;
import io.gwctl.translate.convert.Notifications;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds notifications under the field path as the user wrote it. Istio read legacy objects with protobuf's
 * JSON parser, which took both {@code useEgressProxy} and {@code use_egress_proxy}; the converter names
 * fields in lowerCamelCase and this finds the spelling present in the source, so the line is the field's.
 */
final class LegacyNotes {

    private static final Pattern UPPER = Pattern.compile("[A-Z]");

    private final Notifications to;

    LegacyNotes(Notifications to) {
        this.to = to;
    }

    void warn(Resource source, String field, String message) {
        to.warn(source, written(source, field), message);
    }

    void info(Resource source, String field, String message) {
        to.info(source, written(source, field), message);
    }

    /** {@code field}, or its snake_case spelling when only that is in the source. */
    static String written(Resource source, String field) {
        PositionIndex positions = source.origin().positions();
        if (field.isEmpty() || positions.has(field)) {
            return field;
        }
        Matcher m = UPPER.matcher(field);
        StringBuilder snake = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(snake, "_" + m.group().toLowerCase(Locale.ROOT));
        }
        m.appendTail(snake);
        return positions.has(snake.toString()) ? snake.toString() : field;
    }
}
