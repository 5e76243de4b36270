package io.gwctl.cli.commands;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.output.DataFormat;
import io.gwctl.cli.version.VersionInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gwctl version}: which gwctl, on which Java, reading which API versions; as data with {@code -o}. */
@Command(name = "version", mixinStandardHelpOptions = true,
        description = {"Print the gwctl version, the Java runtime, and the Kubernetes, Istio and Envoy API versions gwctl understands.",
                "The same as gwctl --version; -o json or -o yaml prints it as data, as kubectl version and istioctl version do."})
public final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT",
            description = "Print as data: ${COMPLETION-CANDIDATES} (default: text for people).")
    DataFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        VersionInfo info = VersionInfo.current();
        if (format == null) {
            info.lines().forEach(out::println);
        } else {
            format.write(info.toMap(), out);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
