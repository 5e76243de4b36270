package io.gwctl.cli.commands;

import io.gwctl.translate.envoy.route.EnvoyRejectionAnalyzer;
import io.gwctl.validate.Validator;
import io.gwctl.validate.analysis.Analyzers;
import io.gwctl.validate.rules.RuleSet;
import java.util.stream.Stream;

/** Every check gwctl has, including what only rendering the Envoy config can find: one validator for all commands. */
public final class Checks {

    public static final Validator ALL = new Validator(RuleSet.all(),
            Stream.concat(Analyzers.all().stream(), Stream.of(new EnvoyRejectionAnalyzer())).toList());

    private Checks() {
    }
}
