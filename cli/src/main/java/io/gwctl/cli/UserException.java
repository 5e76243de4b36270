package io.gwctl.cli;

/**
 * A failure the user can fix (a path that does not exist, an output file that cannot be written): printed
 * as one line, without a stack trace, with its exit code.
 */
public final class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public UserException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
