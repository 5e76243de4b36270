package io.gwctl.validate.diagnostic;

import io.gwctl.model.resource.Resource;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Values printed the way Go's {@code fmt} prints them, so messages read exactly like Istio's (users search
 * for them): {@code %q} of a string, {@code %v} of a slice ({@code [a b]}) and of a float64, {@code %f}, and a
 * resource's {@code ns/name}. Every check's messages use this one class.
 */
public final class GoFormat {

    private GoFormat() {
    }

    /** {@code %q}: a double-quoted string with Go escapes ({@code strconv.Quote}). */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0B -> out.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7F) {
                        out.append(String.format(Locale.ROOT, "\\x%02x", cp));
                    } else if (cp < 0x80 || printable(cp)) {
                        out.appendCodePoint(cp);
                    } else if (cp < 0x10000) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", cp));
                    } else {
                        out.append(String.format(Locale.ROOT, "\\U%08x", cp));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** {@code %v} of a slice: {@code [a b c]}. */
    public static String list(Collection<?> values) {
        return values.stream().map(v -> v == null ? "" : String.valueOf(v)).collect(Collectors.joining(" ", "[", "]"));
    }

    /** {@code ns/name}, as Istio names a resource inside its messages ({@code resource.FullName.String()}). */
    public static String fullName(Resource resource) {
        return resource.namespace() + "/" + resource.name();
    }

    /** {@code %f} of a float64: six decimals. */
    public static String fixed(double value) {
        return String.format(Locale.ROOT, "%f", value);
    }

    /**
     * {@code %v} of a float64: the shortest decimal that reads back as {@code value}, in exponent form
     * ({@code 1e+06}, {@code 1e-05}) when the exponent is below -4 or at least 6 ({@code strconv 'g'}).
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String digits = shortest.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String sign = value < 0 ? "-" : "";
            String expSign = exponent < 0 ? "-" : "+";
            return String.format(Locale.ROOT, "%s%se%s%02d", sign, mantissa, expSign, Math.abs(exponent));
        }
        return shortest.toPlainString();
    }

    private static boolean printable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }
}
