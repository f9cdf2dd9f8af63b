package dev.doppel.server.config;

import dev.doppel.server.config.variables.SystemVariable;

import java.util.List;

/**
 * A startup option as mysqld's my_option describes it: the name (system variables use their
 * underscore name, other options dashes, which is how messages spell them), an optional one-letter
 * form, whether it takes an argument, and the value type with its range.
 */
record OptionDefinition(String name, char shortOption, ArgType argType, Kind kind, long min, long max,
                        long blockSize, List<String> values, SystemVariable variable) {

    enum ArgType {
        NO_ARG, OPT_ARG, REQUIRED_ARG
    }

    /** BOOL is on/off; FLAG acts when seen (--version); the others parse their argument. */
    enum Kind {
        BOOL, FLAG, INTEGER, UNSIGNED, DOUBLE, STRING, ENUM, SET
    }

    /** The lookup key: option names compare case-sensitively with {@code -} and {@code _} equal. */
    static String key(String name) {
        return name.replace('-', '_');
    }

    static OptionDefinition of(String name, char shortOption, ArgType argType, Kind kind) {
        return new OptionDefinition(name, shortOption, argType, kind, 0, 0, 1, List.of(), null);
    }

    /** The option every command-line system variable has. */
    static OptionDefinition of(SystemVariable variable) {
        Kind kind = switch (variable.type()) {
            case BOOLEAN -> Kind.BOOL;
            case INTEGER -> Kind.INTEGER;
            case UNSIGNED -> Kind.UNSIGNED;
            case DOUBLE -> Kind.DOUBLE;
            case ENUM -> Kind.ENUM;
            case SET -> Kind.SET;
            case STRING, CHARSET, COLLATION -> Kind.STRING;
        };
        ArgType argType = variable.optionalArgument() ? ArgType.OPT_ARG : ArgType.REQUIRED_ARG;
        return new OptionDefinition(variable.name(), variable.shortOption(), argType, kind, variable.min(),
                variable.max(), variable.blockSize(), variable.values(), variable);
    }
}
