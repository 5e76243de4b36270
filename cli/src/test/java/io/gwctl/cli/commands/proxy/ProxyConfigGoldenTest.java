package io.gwctl.cli.commands.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.envoyproxy.envoy.admin.v3.ConfigDump;
import io.gwctl.cli.CliRunner;
import io.gwctl.cli.CliRunner.Result;
import io.gwctl.cli.GoldenFiles;
import io.gwctl.translate.envoy.dump.EnvoyJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden Envoy config for the classic gateway configurations: each directory under
 * {@code src/test/resources/golden/proxy-config/} holds {@code input.yaml} (and optionally {@code args}, extra
 * options such as {@code --selector istio=egressgateway}); {@code listeners.json}, {@code routes.json} and
 * {@code clusters.json} are {@code proxy-config <view> -o json}, and {@code all.txt} the tables. Every JSON
 * output must also parse back as Envoy's config dump.
 */
class ProxyConfigGoldenTest {

    private static final Path ROOT = Path.of("src/test/resources/golden/proxy-config");

    @TestFactory
    Stream<DynamicTest> goldenEnvoyConfig() throws IOException {
        return GoldenFiles.cases(ROOT).stream().flatMap(dir -> Stream.of("listeners", "routes", "clusters", "all")
                .map(view -> DynamicTest.dynamicTest(dir.getFileName() + " " + view, () -> check(dir, view))));
    }

    private static void check(Path dir, String view) throws IOException {
        List<String> args = new ArrayList<>(List.of("proxy-config", view, "-f", dir.resolve("input.yaml").toString()));
        if (Files.exists(dir.resolve("args"))) {
            args.addAll(List.of(Files.readString(dir.resolve("args")).trim().split("\\s+")));
        }
        if (!view.equals("all")) {
            args.addAll(List.of("-o", "json"));
        }
        Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        GoldenFiles.check(dir.resolve(view.equals("all") ? "all.txt" : view + ".json"), r.out(), r);
        if (view.equals("all")) {
            List<String> json = new ArrayList<>(args);
            json.addAll(List.of("-o", "json"));
            Result dump = CliRunner.run(json.toArray(String[]::new));
            ConfigDump.Builder parsed = ConfigDump.newBuilder();
            EnvoyJson.merge(dump.out(), parsed);
            assertThat(parsed.getConfigsCount()).as(dump.toString()).isEqualTo(5);
        }
    }
}
