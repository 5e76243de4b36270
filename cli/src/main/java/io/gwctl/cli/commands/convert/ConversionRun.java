package io.gwctl.cli.commands.convert;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.UserException;
import io.gwctl.cli.manifest.ManifestWriter;
import io.gwctl.cli.manifest.OutputFile;
import io.gwctl.model.source.ConfigSet;
import io.gwctl.model.source.LoadedSource;
import io.gwctl.model.yaml.ParseProblem;
import io.gwctl.translate.LegacyConversion;
import io.gwctl.translate.convert.ConversionResult;
import io.gwctl.translate.convert.Notification;
import io.gwctl.translate.ingress.IngressOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@code gwctl convert} run: read the sources, convert, say what was dropped or approximated on
 * stderr, and write the manifest to stdout or a file.
 *
 * <p>Input that does not parse stops the run before anything is written: a conversion of part of a file
 * would silently lose the rest. Output is written in one piece, so a failed run leaves nothing half-done.
 */
final class ConversionRun {

    private static final Set<String> API_VERSIONS = Set.of("v1", "v1beta1", "v1alpha3");
    private static final Comparator<Notification> ORDER = Comparator.comparing(Notification::source)
            .thenComparingInt(Notification::line).thenComparing(Notification::object).thenComparing(Notification::field);

    private ConversionRun() {
    }

    static int run(ConfigSet config, LegacyConversion.Scope scope, ConvertOptions options, PrintWriter out, PrintWriter err) {
        if (!API_VERSIONS.contains(options.apiVersion)) {
            throw new UserException(ExitCodes.USAGE, "--api-version must be one of v1, v1beta1, v1alpha3, not " + options.apiVersion);
        }
        if (reportParseProblems(config, err)) {
            return ExitCodes.FINDINGS;
        }
        Map<String, String> selector = options.selector.isEmpty() ? Map.of("istio", "ingressgateway") : options.selector;
        IngressOptions ingress = new IngressOptions(options.gatewayNamespace, selector, options.ingressClass,
                Boolean.TRUE.equals(options.allClasses), options.domainSuffix);
        ConversionResult result = LegacyConversion.convert(config.resources(), scope, ingress);

        List<Notification> said = new ArrayList<>(result.notifications());
        said.sort(ORDER);
        said.forEach(n -> err.println(n));
        List<Notification> failures = new ArrayList<>(result.failures());
        failures.sort(ORDER);
        failures.forEach(n -> err.println("ERROR " + n.place() + ": " + n.object()
                + (n.field().isEmpty() ? "" : " " + n.field()) + ": " + n.message()));

        if (result.objects().isEmpty()) {
            err.println("Error: nothing to convert" + (failures.isEmpty() ? ": no " + describe(scope) + " in the input" : ""));
            return ExitCodes.FINDINGS;
        }
        String manifest = new ManifestWriter(options.format, "networking.istio.io/" + options.apiVersion).render(result.objects());
        if (options.outputFile == null) {
            out.print(manifest);
            out.flush();
        } else {
            try {
                OutputFile.write(options.outputFile, manifest);
            } catch (IOException e) {
                throw new UserException(ExitCodes.USAGE, "cannot write " + options.outputFile + ": " + e.getMessage());
            }
        }
        boolean warned = said.stream().anyMatch(n -> n.level() == Notification.Level.WARN);
        if (!failures.isEmpty() || (Boolean.TRUE.equals(options.strict) && warned)) {
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }

    /** Prints each source problem as {@code file:line:column: error CODE message}; true when there were any. */
    private static boolean reportParseProblems(ConfigSet config, PrintWriter err) {
        boolean any = false;
        for (LoadedSource source : config.sources()) {
            for (ParseProblem p : source.problems()) {
                if (p.kind() == ParseProblem.Kind.EMPTY) {
                    continue;
                }
                err.println(source.name() + ":" + p.position() + ": error: " + p.message());
                any = true;
            }
        }
        if (any) {
            err.println("Error: the input does not parse; nothing was converted");
        }
        return any;
    }

    private static String describe(LegacyConversion.Scope scope) {
        return switch (scope) {
            case INGRESS -> "Ingress objects";
            case ROUTE_RULES -> "RouteRule, DestinationPolicy or EgressRule objects";
            case ALL -> "Ingress, RouteRule, DestinationPolicy or EgressRule objects";
        };
    }
}
