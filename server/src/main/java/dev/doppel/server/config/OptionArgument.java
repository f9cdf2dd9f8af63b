package dev.doppel.server.config;

/**
 * One argument as mysqld's option parser sees it: option-file lines become {@code --name=value}
 * arguments placed before the command-line ones. Only command-line arguments may take their value
 * from the next argument ({@code --port 3307}). {@code kind}: where it came from, as variables_info names it.
 */
record OptionArgument(String text, String source, boolean commandLine, String kind) {
    static final String COMMAND_LINE = "command line";

    OptionArgument(String text, String source, boolean commandLine) {
        this(text, source, commandLine, commandLine ? "COMMAND_LINE" : null);
    }

    static OptionArgument fromCommandLine(String text) {
        return new OptionArgument(text, COMMAND_LINE, true);
    }

    /**
     * The argument as read from an option file of performance_schema.variables_info's kind {@code kind} (GLOBAL,
     * SERVER, EXPLICIT, EXTRA or USER).
     */
    OptionArgument ofKind(String kind) {
        return new OptionArgument(text, source, commandLine, kind);
    }
}
