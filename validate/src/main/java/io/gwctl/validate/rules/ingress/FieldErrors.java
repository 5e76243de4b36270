package io.gwctl.validate.rules.ingress;

import io.gwctl.validate.diagnostic.GoFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Kubernetes API server's error texts (k8s.io/apimachinery {@code field.Error}), so a finding reads
 * as {@code kubectl apply} would print it: {@code <path>: Required value: <detail>},
 * {@code <path>: Invalid value: "<value>": <detail>}, {@code <path>: Unsupported value: "<value>":
 * supported values: …}. The path is gwctl's, as the user wrote the object ({@code serviceName} in a
 * v1beta1 Ingress, where the server names its internal field).
 */
final class FieldErrors {

    private FieldErrors() {
    }

    static String required(String path, String detail) {
        return detail.isEmpty() ? path + ": Required value" : path + ": Required value: " + detail;
    }

    static String invalid(String path, String value, String detail) {
        return path + ": Invalid value: " + GoFormat.quote(value) + ": " + detail;
    }

    static String invalid(String path, long value, String detail) {
        return path + ": Invalid value: " + value + ": " + detail;
    }

    static String notSupported(String path, String value, List<String> supported) {
        return path + ": Unsupported value: " + GoFormat.quote(value) + ": supported values: "
                + supported.stream().map(GoFormat::quote).collect(Collectors.joining(", "));
    }
}
