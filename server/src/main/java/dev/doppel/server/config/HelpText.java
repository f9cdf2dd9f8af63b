package dev.doppel.server.config;

import dev.doppel.server.config.variables.SystemVariable;
import dev.doppel.server.config.variables.SystemVariableRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The texts of {@code --help} and {@code --verbose --help}, in the shape mysqld prints them. */
final class HelpText {
    private HelpText() {
    }

    static String brief(String program) {
        return ServerVersion.versionLine(program) + "\n"
                + "Starts the Doppel database server.\n\n"
                + "Usage: " + program + " [OPTIONS]\n\n"
                + "For more help options (several pages), use " + program + " --verbose --help.\n";
    }

    /** Usage, the option files and groups read, and every variable with its value after reading options. */
    static String verbose(String program, ConfigEnvironment env, SystemVariableRegistry registry) {
        StringBuilder result = new StringBuilder(ServerVersion.versionLine(program)).append('\n')
                .append("Starts the Doppel database server.\n\n")
                .append("Usage: ").append(program).append(" [OPTIONS]\n\n")
                .append("Default options are read from the following files in the given order:\n");
        List<Path> files = new ArrayList<>(env.globalOptionFiles());
        files.addAll(env.userOptionFiles());
        for (Path each : files) {
            result.append(each).append(' ');
        }
        result.append("\nThe following groups are read: ").append(String.join(" ", OptionSources.GROUPS)).append('\n')
                .append("""
                        The following options may be given as the first argument:
                        --print-defaults        Print the program argument list and exit.
                        --no-defaults           Don't read default options from any option file,
                                                except for login file.
                        --defaults-file=#       Only read default options from the given file #.
                        --defaults-extra-file=# Read this file after the global files are read.
                        --defaults-group-suffix=#
                                                Also read groups with concat(group, suffix)
                        --login-path=#          Read this path from the login file.

                        Variables (--variable-name=value)
                        and boolean options {FALSE|TRUE}         Value (after reading options)
                        ---------------------------------------- --------------------------------------------
                        """);
        for (SystemVariable each : registry.variables()) {
            if (!each.commandLine()) {
                continue;
            }
            Object value = registry.globalValue(each.name());
            String shown = value == null ? "(No default value)"
                    : value instanceof Boolean flag ? (flag ? "TRUE" : "FALSE")
                    : each.showValue(value);
            result.append(String.format(Locale.ROOT, "%-40s %s%n", each.name().replace('_', '-'), shown));
        }
        result.append("\nTo see what values a running Doppel server is using, type\n")
                .append("'mysqladmin variables' instead of '").append(program).append(" --verbose --help'.\n");
        return result.toString();
    }
}
