package io.gwctl.cli.cluster;

import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.UserException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the kubeconfig file as kubectl does (kubernetes/client-go {@code tools/clientcmd/loader.go}):
 * {@code --kubeconfig} must exist; else the first existing file of {@code KUBECONFIG} (a path list); else
 * {@code $HOME/.kube/config}.
 *
 * <p>kubectl merges every file of {@code KUBECONFIG}; gwctl reads the first that exists, which is the one
 * kubectl takes {@code current-context} from when several set it.
 */
public final class KubeconfigLocator {

    private final Environment environment;

    public KubeconfigLocator(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The kubeconfig to read, or a one-line error (exit 2) saying where gwctl looked. */
    public Path locate(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            Path file = explicit.get();
            if (!Files.isRegularFile(file)) {
                throw new UserException(ExitCodes.USAGE, "kubeconfig " + file + ": no such file");
            }
            return file;
        }
        Optional<String> variable = environment.variable("KUBECONFIG");
        if (variable.isPresent()) {
            List<Path> listed = Arrays.stream(variable.get().split(File.pathSeparator))
                    .filter(p -> !p.isEmpty()).map(Path::of).toList();
            return listed.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() -> new UserException(
                    ExitCodes.USAGE, "no kubeconfig: none of the files in KUBECONFIG exists (" + variable.get() + ")"));
        }
        Optional<Path> home = environment.variable("HOME").map(h -> Path.of(h, ".kube", "config"));
        if (home.isPresent() && Files.isRegularFile(home.get())) {
            return home.get();
        }
        throw new UserException(ExitCodes.USAGE, "no kubeconfig: give --kubeconfig FILE, set KUBECONFIG, or create "
                + home.map(Path::toString).orElse("~/.kube/config"));
    }
}
