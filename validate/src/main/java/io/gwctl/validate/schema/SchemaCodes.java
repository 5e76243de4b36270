package io.gwctl.validate.schema;

import io.gwctl.validate.diagnostic.CodeInfo;
import io.gwctl.validate.diagnostic.DiagnosticCode;

/** GW01xx: the shape of an object: unknown fields, wrong types, bad enum values, missing required fields, and the CRD's CEL rules. */
public enum SchemaCodes implements DiagnosticCode {
    UNKNOWN_FIELD(CodeInfo.error("GW0101", "IST0106", "A field the kind does not have (often a typo)."));

    private final CodeInfo info;

    SchemaCodes(CodeInfo info) {
        this.info = info;
    }

    @Override
    public CodeInfo info() {
        return info;
    }
}
