package io.gwctl.validate.analysis.destinationrule;

/** The field paths the DestinationRule analyzers point at; each takes the indexes it names. */
final class DestinationRulePaths {

    static final String HOST = "spec.host";
    static final String TLS_MODE = "spec.trafficPolicy.tls.mode";

    private DestinationRulePaths() {
    }

    /** {@code spec.trafficPolicy.portLevelSettings[i].tls.mode}. */
    static String portTlsMode(int setting) {
        return "spec.trafficPolicy.portLevelSettings[" + setting + "].tls.mode";
    }

    /** {@code spec.subsets[i].name}. */
    static String subsetName(int subset) {
        return "spec.subsets[" + subset + "].name";
    }
}
