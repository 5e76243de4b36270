package io.gwctl.validate.rules.virtualservice;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A header value Envoy can parse: no control characters, and every unescaped {@code %} opens a
 * {@code %VARIABLE%} or {@code %VARIABLE(args)%} that is closed. Istio: {@code ValidateHTTPHeaderValue} and
 * {@code validateHeaderValue} (header_value_validator.go, a port of Envoy's {@code header_parser.cc}).
 *
 * <p>Valid: {@code foo}, {@code %HOSTNAME%}, {@code 100%%}, {@code %REQ(x-foo)%}. Invalid: {@code abc%123},
 * {@code %START_TIME%%}.
 */
final class HeaderValueSyntax {

    /** Characters Envoy rejects in a header value: controls other than tab, and DEL. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F\\x7F]");

    private enum State { LITERAL, VARIABLE_NAME, EXPECT_ARRAY, EXPECT_STRING, STRING, EXPECT_DELIMITER_OR_END,
        EXPECT_ARGS_END, EXPECT_VARIABLE_END }

    private HeaderValueSyntax() {
    }

    /** Istio's message for an invalid value, or empty when Envoy accepts it. */
    static Optional<String> check(String value) {
        if (CONTROL.matcher(value).find()) {
            return Optional.of("header value configuration " + value + " is invalid");
        }
        return parse(value).map(problem -> "header value configuration: " + problem);
    }

    private static Optional<String> parse(String value) {
        State state = State.LITERAL;
        for (int pos = 0; pos < value.length(); pos++) {
            char ch = value.charAt(pos);
            boolean hasNext = pos + 1 < value.length();
            switch (state) {
                case LITERAL -> {
                    if (ch == '%') {
                        if (!hasNext) {
                            return Optional.of("invalid header configuration. Un-escaped %");
                        }
                        if (value.charAt(pos + 1) == '%') {
                            pos++;
                        } else {
                            state = State.VARIABLE_NAME;
                        }
                    }
                }
                case VARIABLE_NAME -> {
                    if (ch == '%') {
                        state = State.LITERAL;
                    } else if (ch == '(') {
                        state = State.EXPECT_ARRAY;
                    }
                }
                case EXPECT_ARRAY -> {
                    if (ch == '[') {
                        state = State.EXPECT_STRING;
                    } else if (ch != ' ') {
                        state = State.STRING;
                    }
                }
                case EXPECT_DELIMITER_OR_END -> {
                    if (ch == ',') {
                        state = State.EXPECT_STRING;
                    } else if (ch == ']') {
                        state = State.EXPECT_ARGS_END;
                    } else if (ch != ' ') {
                        return Optional.of("invalid header configuration. Expecting ',', ']', or whitespace");
                    }
                }
                case EXPECT_STRING -> {
                    if (ch == '"') {
                        state = State.STRING;
                    } else if (ch != ' ') {
                        return Optional.of("invalid header configuration. Expecting '\"'");
                    }
                }
                case STRING -> {
                    if (ch == '\\') {
                        if (!hasNext) {
                            return Optional.of("invalid header configuration. Un-terminated backslash in JSON string");
                        }
                        pos++;
                    } else if (ch == ')') {
                        state = State.EXPECT_VARIABLE_END;
                    } else if (ch == '"') {
                        state = State.EXPECT_DELIMITER_OR_END;
                    }
                }
                case EXPECT_ARGS_END -> {
                    if (ch == ')') {
                        state = State.EXPECT_VARIABLE_END;
                    } else if (ch != ' ') {
                        return Optional.of(
                                "invalid header configuration. Expecting ')' or whitespace after '{}', but found '{}'");
                    }
                }
                case EXPECT_VARIABLE_END -> {
                    if (ch == '%') {
                        state = State.LITERAL;
                    } else if (ch != ' ') {
                        return Optional.of("invalid header configuration. Expecting '%' or whitespace after");
                    }
                }
            }
        }
        if (state != State.LITERAL) {
            return Optional.of("invalid header configuration. Un-terminated variable expression '" + value + "'");
        }
        return Optional.empty();
    }
}
