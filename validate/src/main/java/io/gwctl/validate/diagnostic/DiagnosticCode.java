package io.gwctl.validate.diagnostic;

import java.util.Optional;

/**
 * One entry of the diagnostic catalog: a stable code, its severity, the Istio code it corresponds to,
 * and what it means.
 *
 * <p>Codes are {@code GW} and four digits, numbered by area: 00xx sources and YAML, 01xx schema,
 * 02xx Gateway, 03xx VirtualService, 04xx DestinationRule, 05xx ServiceEntry, 06xx Ingress,
 * 07xx legacy {@code config.istio.io} kinds, 08xx analysis across resources, 09xx what Envoy would reject,
 * 10xx metadata common to all kinds. A code is never reused: a retired check keeps its number in its enum, marked retired.
 * Each area's codes are one enum implementing this interface; {@link Catalog} lists them all.
 */
public interface DiagnosticCode {

    /** The facts of this entry. */
    CodeInfo info();

    /** The code, e.g. {@code GW0207}. */
    default String code() {
        return info().code();
    }

    default Severity severity() {
        return info().severity();
    }

    /** The matching {@code istioctl analyze} code ({@code IST0101}…), when there is one. */
    default Optional<String> istioCode() {
        return Optional.ofNullable(info().istioCode());
    }

    /** One sentence for the catalog in the docs: what the check finds. */
    default String description() {
        return info().description();
    }
}
