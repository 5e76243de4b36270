package io.gwctl.validate;

import io.gwctl.model.resource.Resource;
import io.gwctl.model.resource.ResourceKey;
import io.gwctl.model.resource.ResourceType;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.LoadedSource;
import io.gwctl.model.yaml.ParseProblem;
import io.gwctl.model.yaml.Position;
import io.gwctl.validate.analysis.AnalysisContext;
import io.gwctl.validate.analysis.Analyzer;
import io.gwctl.validate.analysis.Analyzers;
import io.gwctl.validate.diagnostic.Diagnostic;
import io.gwctl.validate.diagnostic.Findings;
import io.gwctl.validate.rules.ResourceRule;
import io.gwctl.validate.rules.RuleContext;
import io.gwctl.validate.rules.RuleSet;
import io.gwctl.validate.source.SourceCodes;
import io.gwctl.validate.source.UnknownKindCheck;
import io.gwctl.validate.diagnostic.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the three layers of {@code gwctl validate} in one pass: problems with the sources, rules per
 * resource (schema first), and analysis across resources.
 */
public final class Validator {

    private final List<ResourceRule> rules;
    private final List<Analyzer> analyzers;

    /** A validator with every rule and analyzer gwctl has. */
    public Validator() {
        this(RuleSet.all(), Analyzers.all());
    }

    public Validator(List<ResourceRule> rules, List<Analyzer> analyzers) {
        this.rules = List.copyOf(rules);
        this.analyzers = List.copyOf(analyzers);
    }

    public ValidationReport validate(ConfigSet config) {
        Findings findings = new Findings();
        Map<ResourceKey, Resource> latest = new LinkedHashMap<>();
        for (LoadedSource source : config.sources()) {
            for (ParseProblem p : source.problems()) {
                findings.reportSource(SourceCodes.of(p.kind()), source.name(), p.position(), p.path(), p.message());
            }
            for (Resource resource : source.resources()) {
                checkResource(resource, findings);
                Resource earlier = latest.remove(resource.key());
                if (earlier != null) {
                    findings.report(SourceCodes.DUPLICATE_RESOURCE, resource, "metadata.name", String.format(
                            "%s is defined again (first in %s); this definition replaces it", resource.key(),
                            earlier.origin().describe()));
                }
                latest.put(resource.key(), resource);
            }
        }
        Findings analysisFindings = new Findings();
        AnalysisContext analysis = new AnalysisContext(new ArrayList<>(latest.values()), analysisFindings);
        for (Analyzer analyzer : analyzers) {
            try {
                analyzer.analyze(analysis);
            } catch (RuntimeException e) {
                findings.reportSource(SourceCodes.CHECK_FAILED, "<analysis>", Position.START, "",
                        checkFailed(analyzer.name(), e));
            }
        }
        // A reference a rule already found invalid (an empty host) is not also an error for being "not found";
        // an analysis warning there still adds what the rule could not know.
        Set<String> flagged = new HashSet<>();
        findings.all().stream().filter(d -> d.severity() == Severity.ERROR).forEach(d -> flagged.add(place(d)));
        analysisFindings.all().stream()
                .filter(d -> d.severity() != Severity.ERROR || !flagged.contains(place(d)))
                .forEach(findings::add);
        List<Diagnostic> sorted = new ArrayList<>(findings.all());
        sorted.sort(Diagnostic.ORDER);
        int resourceCount = config.sources().stream().mapToInt(s -> s.resources().size()).sum();
        return new ValidationReport(sorted, resourceCount, config.sources().size());
    }

    /** One line for a check that threw: which check, and what, so the bug can be reported. */
    private static String checkFailed(String check, RuntimeException e) {
        return "internal error in check " + check + ": " + e + " (please report this gwctl bug)";
    }

    private static String place(Diagnostic d) {
        return d.file() + "\0" + d.resource() + "\0" + d.path();
    }

    private void checkResource(Resource resource, Findings findings) {
        if (resource.type().isEmpty()) {
            UnknownKindCheck.check(resource, findings);
            return;
        }
        Findings own = new Findings();
        RuleContext context = new RuleContext(resource, own);
        // Rules of the typed kinds read the typed spec; an Istio object without one gets schema findings only.
        boolean typed = resource.object().isPresent()
                && (resource.spec().isPresent() || !ResourceType.groupOf(resource.apiVersion()).equals("networking.istio.io"));
        for (ResourceRule rule : rules) {
            if (rule.kinds().contains(resource.type().get()) && (typed || rule instanceof UntypedRule)) {
                try {
                    rule.check(context);
                } catch (RuntimeException e) {
                    own.report(SourceCodes.CHECK_FAILED, resource, "", checkFailed(rule.getClass().getSimpleName(), e));
                }
            }
        }
        LayerOverlap.reconcile(own.all()).forEach(findings::add);
    }

    /**
     * Marks a rule that reads the plain tree and so also runs on resources that did not bind to their
     * type (the schema check is one).
     */
    public interface UntypedRule extends ResourceRule {
    }
}
