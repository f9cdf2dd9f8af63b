package dev.doppel.server.config;

import dev.doppel.server.config.OptionDefinition.ArgType;
import dev.doppel.server.config.OptionDefinition.Kind;
import dev.doppel.server.config.variables.SystemVariable;
import dev.doppel.server.config.variables.SystemVariableRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The startup options mysqld has besides its system variables (mysqld.cc's my_long_options), with
 * MySQL's names and one-letter forms, plus an option for every command-line system variable.
 */
final class ServerOptions {
    static final String HELP = "help";
    static final String VERBOSE = "verbose";
    static final String VERSION = "version";
    static final String INITIALIZE = "initialize";
    static final String INITIALIZE_INSECURE = "initialize-insecure";
    static final String VALIDATE_CONFIG = "validate-config";
    static final String CONSOLE = "console";
    static final String SKIP_GRANT_TABLES = "skip-grant-tables";
    static final String PLUGIN_LOAD = "plugin-load";
    static final String PLUGIN_LOAD_ADD = "plugin-load-add";
    static final String DEFAULT_TIME_ZONE = "default-time-zone";
    static final String USER = "user";

    private static final List<OptionDefinition> OWN = List.of(
            OptionDefinition.of(HELP, '?', ArgType.NO_ARG, Kind.BOOL),
            OptionDefinition.of(VERBOSE, 'v', ArgType.NO_ARG, Kind.BOOL),
            OptionDefinition.of(VERSION, 'V', ArgType.NO_ARG, Kind.FLAG),
            OptionDefinition.of(INITIALIZE, 'I', ArgType.NO_ARG, Kind.BOOL),
            OptionDefinition.of(INITIALIZE_INSECURE, '\0', ArgType.NO_ARG, Kind.BOOL),
            OptionDefinition.of(VALIDATE_CONFIG, '\0', ArgType.NO_ARG, Kind.BOOL),
            OptionDefinition.of(CONSOLE, '\0', ArgType.NO_ARG, Kind.BOOL),
            OptionDefinition.of(SKIP_GRANT_TABLES, '\0', ArgType.NO_ARG, Kind.BOOL),
            OptionDefinition.of(PLUGIN_LOAD, '\0', ArgType.REQUIRED_ARG, Kind.STRING),
            OptionDefinition.of(PLUGIN_LOAD_ADD, '\0', ArgType.REQUIRED_ARG, Kind.STRING),
            OptionDefinition.of(DEFAULT_TIME_ZONE, '\0', ArgType.REQUIRED_ARG, Kind.STRING),
            OptionDefinition.of(USER, 'u', ArgType.REQUIRED_ARG, Kind.STRING),
            // Accepted for my.cnf compatibility and ignored: Doppel has no binary log.
            OptionDefinition.of("log-bin", '\0', ArgType.OPT_ARG, Kind.STRING),
            // --exit-info/-T is a debugging aid of mysqld; accepted and ignored.
            OptionDefinition.of("exit-info", 'T', ArgType.OPT_ARG, Kind.STRING));

    private ServerOptions() {
    }

    /** Options by lookup key ({@link OptionDefinition#key}). */
    static Map<String, OptionDefinition> table(SystemVariableRegistry registry) {
        Map<String, OptionDefinition> result = new LinkedHashMap<>();
        for (OptionDefinition each : OWN) {
            result.put(OptionDefinition.key(each.name()), each);
        }
        for (SystemVariable each : registry.variables()) {
            if (each.commandLine()) {
                result.putIfAbsent(OptionDefinition.key(each.name()), OptionDefinition.of(each));
            }
        }
        return result;
    }
}
