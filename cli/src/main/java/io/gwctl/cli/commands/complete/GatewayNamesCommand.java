package io.gwctl.cli.commands.complete;

import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.completion.GatewayNames;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code gwctl __complete gateways -f PATH... [-n NAMESPACE]}: {@code namespace/name} of each Gateway in the
 * files, one a line. It runs at every Tab press on a line that is still being written, so it never fails:
 * it reads its arguments itself (an {@code -f} without a value or an unknown word is skipped, where picocli
 * would report a usage error), and missing or broken files give fewer names, nothing on stderr, exit code 0.
 */
@Command(name = "gateways", hidden = true, description = "Gateways in the -f files, as namespace/name.")
public final class GatewayNamesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The words after {@code gateways}: pairs of {@link GatewayNames#FORWARDED_OPTIONS} and their values. */
    @Unmatched
    List<String> words = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> paths = new ArrayList<>();
        String namespace = "default";
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean hasValue = i + 1 < words.size();
            if ((word.equals("-f") || word.equals("--filename")) && hasValue) {
                paths.add(words.get(++i));
            } else if ((word.equals("-n") || word.equals("--namespace")) && hasValue) {
                namespace = words.get(++i);
            } else if (word.startsWith("--filename=")) {
                paths.add(word.substring("--filename=".length()));
            } else if (word.startsWith("--namespace=")) {
                namespace = word.substring("--namespace=".length());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        GatewayNames.in(paths, namespace).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
