package io.gwctl.validate.rules.gateway;

import io.fabric8.istio.api.api.networking.v1alpha3.Port;

/**
 * Go's {@code %v} of a Gateway server's {@code Port} proto, so a message reads exactly as {@code istioctl}
 * gives it (strings and lists: {@link io.gwctl.validate.diagnostic.GoFormat}).
 */
final class IstioText {

    private IstioText() {
    }

    /**
     * Go's {@code %v} of a {@code *networking.Port}: the compact protobuf text form, fields in number order,
     * unset ones left out: {@code number:80 protocol:"HTTP" name:"http"}. (The Go library may put a second
     * space between fields, varying by build, to keep people from parsing it; gwctl always writes one.)
     */
    static String port(Port port) {
        StringBuilder out = new StringBuilder();
        long number = port.getNumber() == null ? 0 : port.getNumber();
        long targetPort = port.getTargetPort() == null ? 0 : port.getTargetPort();
        if (number != 0) {
            field(out, "number", Long.toString(number));
        }
        if (port.getProtocol() != null && !port.getProtocol().isEmpty()) {
            field(out, "protocol", protoString(port.getProtocol()));
        }
        if (port.getName() != null && !port.getName().isEmpty()) {
            field(out, "name", protoString(port.getName()));
        }
        if (targetPort != 0) {
            field(out, "target_port", Long.toString(targetPort));
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (out.length() > 0) {
            out.append(' ');
        }
        out.append(name).append(':').append(value);
    }

    /** A string in protobuf text format: quotes, backslashes and control characters escaped. */
    private static String protoString(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else if (c >= 0x80 && c <= 0x9f) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
