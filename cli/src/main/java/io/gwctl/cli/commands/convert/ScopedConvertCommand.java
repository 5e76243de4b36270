package io.gwctl.cli.commands.convert;

import io.gwctl.cli.Environment;
import io.gwctl.cli.EnvironmentAware;
import io.gwctl.cli.commands.InputOptions;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.translate.LegacyConversion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A {@code convert} command: the same options and run, over the legacy kinds of its {@link #scope()}. */
abstract class ScopedConvertCommand implements Callable<Integer>, EnvironmentAware {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    ConvertOptions options;

    private Environment environment;

    /** Which legacy kinds of the input this command converts. */
    abstract LegacyConversion.Scope scope();

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        return ConversionRun.run(input(environment), scope(), options,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** What to convert: the {@code -f} sources. */
    ConfigSet input(Environment environment) {
        return input.load(environment.stdin());
    }
}
