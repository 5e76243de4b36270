package io.gwctl.cli;

/** A command that reads standard input or the environment; the factory hands it its {@link Environment}. */
public interface EnvironmentAware {

    void setEnvironment(Environment environment);
}
