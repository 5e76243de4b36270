package io.gwctl.cli;

import java.io.PrintWriter;

/** The process entry point: all set-up lives in {@link CommandLineFactory}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = CommandLineFactory.create(out, err, System.in, System.getenv()).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
