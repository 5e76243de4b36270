package io.gwctl.validate.schema;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/**
 * GW01xx: the shape of an object, as the CRD (for Istio kinds) or the Kubernetes API (for core kinds)
 * defines it: unknown fields, wrong types, bad enum values, missing required fields, oneof conflicts.
 * Istio's analysis reports such errors as schema validation errors (IST0106).
 */
public enum SchemaCodes implements DiagnosticCode {
    UNKNOWN_FIELD(CodeInfo.error("GW0101", "IST0106", "A field the kind does not have (often a typo).")),
    WRONG_TYPE(CodeInfo.error("GW0102", "IST0106",
            "A value of the wrong type (a string where a number, list or object belongs, or the reverse), or a number too large for its field.")),
    ENUM_VALUE(CodeInfo.error("GW0103", "IST0106", "A value that is not one of the field's allowed values.")),
    REQUIRED_FIELD(CodeInfo.error("GW0104", "IST0106", "A field the schema requires is missing.")),
    ONE_OF(CodeInfo.error("GW0105", "IST0106",
            "More than one of a set of mutually exclusive fields is set (such as exact and prefix of a match).")),
    UNREADABLE(CodeInfo.warning("GW0106", null,
            "The object passes the schema checks but gwctl's model of the kind cannot read it, so the checks that need it are skipped."));

    private final CodeInfo info;

    SchemaCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
