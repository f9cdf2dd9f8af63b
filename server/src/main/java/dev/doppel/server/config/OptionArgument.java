package dev.doppel.server.config;

/**
 * One argument as mysqld's option parser sees it: option-file lines become {@code --name=value}
 * arguments placed before the command-line ones. Only command-line arguments may take their value
 * from the next argument ({@code --port 3307}).
 */
record OptionArgument(String text, String source, boolean commandLine) {
    static final String COMMAND_LINE = "command line";

    static OptionArgument fromCommandLine(String text) {
        return new OptionArgument(text, COMMAND_LINE, true);
    }
}
