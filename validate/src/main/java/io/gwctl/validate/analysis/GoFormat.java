package io.gwctl.validate.analysis;

import io.gwctl.model.resource.Resource;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * How Istio's analyzer messages print their arguments, so gwctl's messages read the same: Go's {@code %q}
 * for a quoted string, {@code %v} for a list ({@code [a b]}), and a resource's full name
 * ({@code ns/name}, {@code resource.FullName.String()}).
 */
public final class GoFormat {

    private GoFormat() {
    }

    /** Go's {@code %q}: double quotes, with quotes, backslashes and control characters escaped. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Go's {@code %v} of a slice: {@code [a b c]}. */
    public static String list(Collection<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
    }

    /** {@code ns/name}, as Istio names a resource inside its messages. */
    public static String fullName(Resource resource) {
        return resource.namespace() + "/" + resource.name();
    }
}
