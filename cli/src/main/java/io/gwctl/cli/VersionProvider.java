package io.gwctl.cli;

import picocli.CommandLine.IVersionProvider;

/** The version, from the jar's manifest (the build's project version). */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = GwctlCommand.class.getPackage().getImplementationVersion();
        return new String[] {"gwctl " + (version == null ? "dev" : version)};
    }
}
