package io.gwctl.cli;

/**
 * The exit codes of every gwctl command, documented in docs/exit-codes.md.
 *
 * <p>Unlike istioctl (1 for everything, 64 for usage), gwctl separates "your config has errors" from
 * "you called me wrong", which is what scripts and CI gates need to tell apart.
 */
public final class ExitCodes {

    /** Done; for {@code validate}, no errors (warnings allowed). */
    public static final int OK = 0;
    /** The configuration has errors (including YAML that does not parse). */
    public static final int FINDINGS = 1;
    /** A usage error, or a path that does not exist. */
    public static final int USAGE = 2;
    /** gwctl itself failed; a bug to report, with the output of {@code --debug}. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
