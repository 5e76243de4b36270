package io.gwctl.validate.rules.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Istio's check of a label set ({@code labels.Instance.Validate}, pkg/config/labels/instance.go), used for
 * subset labels and ServiceEntry endpoint labels: keys are Kubernetes label names (an optional DNS prefix
 * and {@code /}, then a name of at most 63 characters), values are empty or a name without length limit.
 *
 * <p>Istio's patterns accept upper case in the DNS prefix, unlike Kubernetes' own.
 */
public final class Labels {

    private static final String LABEL = "[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?";
    private static final String QUALIFIED_NAME = "(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern KEY = Pattern.compile("(" + LABEL + "(?:\\." + LABEL + ")*/)?(" + QUALIFIED_NAME + ")");
    private static final Pattern VALUE = Pattern.compile("(" + QUALIFIED_NAME + ")?");
    private static final int MAX_PREFIX = 253;
    private static final int MAX_NAME = 63;

    private Labels() {
    }

    /** One problem with one label: the key it is about, and Istio's message. */
    public record Problem(String key, String message) {
    }

    /** The problems of {@code labels} in their order (a null map has none). */
    public static List<Problem> check(Map<String, String> labels) {
        List<Problem> problems = new ArrayList<>();
        if (labels == null) {
            return problems;
        }
        for (Map.Entry<String, String> label : labels.entrySet()) {
            String key = label.getKey() == null ? "" : label.getKey();
            String value = label.getValue() == null ? "" : label.getValue();
            String keyProblem = checkKey(key);
            if (keyProblem != null) {
                problems.add(new Problem(key, keyProblem));
            }
            if (!VALUE.matcher(value).matches()) {
                problems.add(new Problem(key, "invalid tag value: \"" + value + "\""));
            }
        }
        return problems;
    }

    private static String checkKey(String key) {
        Matcher m = KEY.matcher(key);
        if (!m.matches()) {
            return "invalid tag key: \"" + key + "\"";
        }
        String prefix = m.group(1);
        if (prefix != null && prefix.length() - 1 > MAX_PREFIX) {
            return "invalid tag key: \"" + key + "\" (DNS prefix is too long)";
        }
        if (m.group(2).length() > MAX_NAME) {
            return "invalid tag key: \"" + key + "\" (name is too long)";
        }
        return null;
    }
}
