package io.gwctl.cli;

import io.gwctl.cli.version.VersionInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code gwctl --version}: the same report as {@code gwctl version}. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return VersionInfo.current().lines().toArray(String[]::new);
    }
}
