package io.gwctl.cli.commands.proxy;

import io.gwctl.cli.Environment;
import io.gwctl.cli.EnvironmentAware;
import io.gwctl.cli.ExitCodes;
import io.gwctl.translate.envoy.EnvoySnapshot;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** One {@code proxy-config} view: load the snapshot, filter by {@code --name}, print as a table or Envoy JSON/YAML. */
abstract class ProxyConfigSubcommand implements Callable<Integer>, EnvironmentAware {

    @Spec
    CommandSpec spec;

    @Mixin
    SnapshotOptions source;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ConfigView.Format format;

    @Option(names = "--name", paramLabel = "NAME", description = "Show only the object with this name.")
    String name;

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    /** The view of {@code snapshot}, filtered by {@code name} when it is set. */
    abstract String render(EnvoySnapshot snapshot, ConfigView.Format format, String name);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EnvoySnapshot snapshot = source.load(environment, spec.commandLine().getErr(), format != ConfigView.Format.table);
        out.print(render(snapshot, format, name));
        out.flush();
        return ExitCodes.OK;
    }

    static boolean selected(String name, String candidate) {
        return name == null || name.equals(candidate);
    }
}
