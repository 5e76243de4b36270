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
 * Finds the kubeconfig files as kubectl does (kubernetes/client-go {@code tools/clientcmd/loader.go}):
 * {@code --kubeconfig} is that one file, which must exist, and is never merged with others; else every
 * existing file of {@code KUBECONFIG} (a path list; missing files are skipped, a file listed twice is read
 * once), which {@link MergedKubeconfig} merges; else {@code $HOME/.kube/config}.
 */
public final class KubeconfigLocator {

    private final Environment environment;

    public KubeconfigLocator(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** The kubeconfig files to read, in order of precedence, or a one-line error (exit 2) saying where gwctl looked. */
    public List<Path> locate(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            Path file = explicit.get();
            if (!Files.isRegularFile(file)) {
                throw new UserException(ExitCodes.USAGE, "kubeconfig " + file + ": no such file");
            }
            return List.of(file);
        }
        Optional<String> variable = environment.variable("KUBECONFIG");
        if (variable.isPresent()) {
            List<Path> existing = Arrays.stream(variable.get().split(File.pathSeparator))
                    .filter(p -> !p.isEmpty()).distinct().map(Path::of).filter(Files::isRegularFile).toList();
            if (existing.isEmpty()) {
                throw new UserException(ExitCodes.USAGE,
                        "no kubeconfig: none of the files in KUBECONFIG exists (" + variable.get() + ")");
            }
            return existing;
        }
        Optional<Path> home = environment.variable("HOME").map(h -> Path.of(h, ".kube", "config"));
        if (home.isPresent() && Files.isRegularFile(home.get())) {
            return List.of(home.get());
        }
        throw new UserException(ExitCodes.USAGE, "no kubeconfig: give --kubeconfig FILE, set KUBECONFIG, or create "
                + home.map(Path::toString).orElse("~/.kube/config"));
    }
}
