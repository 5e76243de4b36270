package io.gwctl.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.Config;
import io.gwctl.cli.Environment;
import io.gwctl.cli.ExitCodes;
import io.gwctl.cli.UserException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** KUBECONFIG with several files, merged as kubectl merges them (client-go tools/clientcmd/loader.go). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class MergedKubeconfigTest {

    /** Sets current-context dev; defines context dev on cluster shared as user alice. */
    private static final String FIRST = """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: shared
              cluster:
                server: https://first.example:6443
            contexts:
            - name: dev
              context: {cluster: shared, user: alice, namespace: web}
            users:
            - name: alice
              user: {token: first-token}
            """;

    /** Sets current-context prod; redefines dev, shared and alice, and adds prod. */
    private static final String SECOND = """
            apiVersion: v1
            kind: Config
            current-context: prod
            clusters:
            - name: shared
              cluster:
                server: https://second.example:6443
            - name: prod
              cluster:
                server: https://prod.example:6443
            contexts:
            - name: dev
              context: {cluster: prod, user: bob, namespace: other}
            - name: prod
              context: {cluster: prod, user: bob, namespace: shop}
            users:
            - name: alice
              user: {token: second-token}
            - name: bob
              user: {token: bob-token}
            """;

    @TempDir
    Path dir;

    @Test
    void theFirstFileToNameAnEntryOrSetTheCurrentContextWins() throws IOException {
        List<Path> files = new KubeconfigLocator(env(Map.of("KUBECONFIG",
                join(write("a/config", FIRST), write("b/config", SECOND))))).locate(Optional.empty());

        Config current = MergedKubeconfig.read(files).clientConfig(Optional.empty());

        assertThat(current.getCurrentContext().getName()).as("the first file's current-context").isEqualTo("dev");
        assertThat(current.getNamespace()).as("context dev of the first file, not the second's").isEqualTo("web");
        assertThat(current.getMasterUrl()).as("cluster shared of the first file").startsWith("https://first.example:6443");
        assertThat(current.getAutoOAuthToken()).as("user alice of the first file").isEqualTo("first-token");

        Config prod = MergedKubeconfig.read(files).clientConfig(Optional.of("prod"));
        assertThat(prod.getMasterUrl()).as("a context only the second file defines").startsWith("https://prod.example:6443");
        assertThat(prod.getAutoOAuthToken()).isEqualTo("bob-token");
        assertThat(prod.getNamespace()).isEqualTo("shop");
    }

    @Test
    void aLaterFileSetsTheCurrentContextWhenEarlierOnesDoNot() throws IOException {
        Path users = write("users", """
                apiVersion: v1
                kind: Config
                users:
                - name: bob
                  user: {token: from-users-file}
                """);
        List<Path> files = new KubeconfigLocator(env(Map.of("KUBECONFIG", join(users, write("b/config", SECOND)))))
                .locate(Optional.empty());

        Config config = MergedKubeconfig.read(files).clientConfig(Optional.empty());

        assertThat(config.getCurrentContext().getName()).isEqualTo("prod");
        assertThat(config.getAutoOAuthToken()).as("user bob of the first file that names it").isEqualTo("from-users-file");
    }

    @Test
    void relativePathsResolveAgainstTheFileThatDefinedTheEntry() throws IOException {
        Path clusters = write("clusters/config", """
                apiVersion: v1
                kind: Config
                current-context: dev
                clusters:
                - name: dev
                  cluster:
                    server: https://dev.example:6443
                    certificate-authority: pki/ca.crt
                contexts:
                - name: dev
                  context: {cluster: dev, user: carol}
                """);
        Path users = write("users/config", """
                apiVersion: v1
                kind: Config
                users:
                - name: carol
                  user:
                    client-certificate: certs/carol.crt
                    client-key: certs/carol.key
                """);

        Config config = MergedKubeconfig.read(List.of(clusters, users)).clientConfig(Optional.empty());

        assertThat(config.getCaCertFile()).isEqualTo(dir.resolve("clusters/pki/ca.crt").toAbsolutePath().toString());
        assertThat(config.getClientCertFile()).isEqualTo(dir.resolve("users/certs/carol.crt").toAbsolutePath().toString());
        assertThat(config.getClientKeyFile()).isEqualTo(dir.resolve("users/certs/carol.key").toAbsolutePath().toString());
    }

    @Test
    void missingAndRepeatedFilesOfKubeconfigAreSkipped() throws IOException {
        Path first = write("a/config", FIRST);
        Path second = write("b/config", SECOND);
        String variable = String.join(File.pathSeparator,
                dir.resolve("missing").toString(), first.toString(), "", first.toString(), second.toString());

        assertThat(new KubeconfigLocator(env(Map.of("KUBECONFIG", variable))).locate(Optional.empty()))
                .containsExactly(first, second);
    }

    @Test
    void kubeconfigOptionIsThatFileAloneWhateverKubeconfigSays() throws IOException {
        Path first = write("a/config", FIRST);
        Path second = write("b/config", SECOND);
        List<Path> files = new KubeconfigLocator(env(Map.of("KUBECONFIG", join(first, second))))
                .locate(Optional.of(second));

        assertThat(files).containsExactly(second);
        assertThat(MergedKubeconfig.read(files).clientConfig(Optional.empty()).getCurrentContext().getName())
                .isEqualTo("prod");
    }

    @Test
    void noFileOfKubeconfigExists() {
        String variable = join(dir.resolve("a"), dir.resolve("b"));
        assertThatThrownBy(() -> new KubeconfigLocator(env(Map.of("KUBECONFIG", variable))).locate(Optional.empty()))
                .isInstanceOf(UserException.class)
                .hasMessage("no kubeconfig: none of the files in KUBECONFIG exists (" + variable + ")");
    }

    @Test
    void homeConfigWhenKubeconfigIsUnset() throws IOException {
        Path home = write(".kube/config", FIRST);
        assertThat(new KubeconfigLocator(env(Map.of("HOME", dir.toString()))).locate(Optional.empty()))
                .containsExactly(home);
    }

    @Test
    void anEmptyFileAddsNothing() throws IOException {
        Path empty = write("empty", "\n");
        Config config = MergedKubeconfig.read(List.of(empty, write("b/config", SECOND))).clientConfig(Optional.empty());
        assertThat(config.getCurrentContext().getName()).isEqualTo("prod");
    }

    @Test
    void aFileThatIsNotAKubeconfigIsNamedInOneLine() throws IOException {
        Path broken = write("broken", "clusters: [unclosed\n");
        Path good = write("b/config", SECOND);

        assertThatThrownBy(() -> MergedKubeconfig.read(List.of(good, broken)))
                .isInstanceOf(UserException.class)
                .satisfies(e -> assertThat(((UserException) e).exitCode()).isEqualTo(ExitCodes.USAGE))
                .hasMessageStartingWith("kubeconfig " + broken + ": not a kubeconfig: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aContextNoFileDefinesIsNamedWithTheFiles() throws IOException {
        Path first = write("a/config", FIRST);
        Path second = write("b/config", SECOND);
        MergedKubeconfig merged = MergedKubeconfig.read(List.of(first, second));

        assertThatThrownBy(() -> merged.clientConfig(Optional.of("staging")))
                .isInstanceOf(UserException.class)
                .hasMessage("kubeconfig " + join(first, second) + " has no context staging");
    }

    @Test
    void aCurrentContextNoFileDefinesIsAnErrorNotAFallBack() throws IOException {
        Path dangling = write("dangling", """
                apiVersion: v1
                kind: Config
                current-context: gone
                """);
        Path second = write("b/config", SECOND);

        assertThatThrownBy(() -> MergedKubeconfig.read(List.of(dangling, second)).clientConfig(Optional.empty()))
                .as("kubectl takes the first current-context and fails, rather than trying the next file's")
                .isInstanceOf(UserException.class)
                .hasMessage("kubeconfig " + join(dangling, second) + " has no context gone, its current-context;"
                        + " give --context NAME");
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private static String join(Path... files) {
        return String.join(File.pathSeparator, Arrays.stream(files).map(Path::toString).toList());
    }

    private static Environment env(Map<String, String> variables) {
        return new Environment(InputStream.nullInputStream(), variables, false);
    }
}
