package io.gwctl.validate.analysis;

/**
 * One check across resources, as an {@code istioctl analyze} analyzer: a VirtualService's gateway must
 * exist, two Gateways must not claim one host and port, and so on.
 *
 * <p>Analyzers see the whole configuration at once (after a later object has replaced an earlier one
 * with the same kind, namespace and name) and report through the context; they never throw for a
 * user's mistake.
 */
public interface Analyzer {

    /** A short name for listings and tests, e.g. {@code virtualservice.GatewayAnalyzer}. */
    String name();

    void analyze(AnalysisContext context);
}
