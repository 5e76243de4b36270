package io.gwctl.validate.diagnostic;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The facts of one catalog entry.
 *
 * @param code        {@code GW} and four digits
 * @param severity    how bad a finding with this code is
 * @param istioCode   the {@code istioctl analyze} code it corresponds to, or null. Istio's per-resource
 *                    validation errors surface in analyze as IST0106 and its warnings as IST0133.
 * @param description one sentence for the docs
 */
public record CodeInfo(String code, Severity severity, String istioCode, String description) {

    private static final Pattern CODE = Pattern.compile("GW\\d{4}");

    public CodeInfo {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not a gwctl code: " + code);
        }
    }

    public static CodeInfo error(String code, String istioCode, String description) {
        return new CodeInfo(code, Severity.ERROR, istioCode, description);
    }

    public static CodeInfo warning(String code, String istioCode, String description) {
        return new CodeInfo(code, Severity.WARNING, istioCode, description);
    }

    public static CodeInfo info(String code, String istioCode, String description) {
        return new CodeInfo(code, Severity.INFO, istioCode, description);
    }
}
