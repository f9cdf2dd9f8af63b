package dev.doppel.server.config;

import dev.doppel.server.config.OptionDefinition.ArgType;
import dev.doppel.server.config.OptionDefinition.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interprets option arguments as MySQL's my_getopt (my_handle_options) does:
 * <ul>
 * <li>{@code --name=value}; on the command line also {@code --name value} for options that require a value;</li>
 * <li>names match exactly (no abbreviations since MySQL 8.0), case-sensitively, with {@code -} equal to {@code _};</li>
 * <li>an unknown name is retried without the prefixes {@code skip-}, {@code disable-} (value off),
 * {@code enable-} (value on), {@code maximum-} (ignored) and {@code loose-} (unknown is only a warning);</li>
 * <li>short forms {@code -P3307}, {@code -P 3307}, {@code -vV};</li>
 * <li>{@code --} ends the options; later options override earlier ones.</li>
 * </ul>
 */
final class OptionParser {
    private static final int EE_UNKNOWN_VARIABLE = 67;
    private static final int EE_UNKNOWN_OPTION = 68;
    private static final int EE_UNKNOWN_SHORT_OPTION = 69;
    private static final int EE_OPTION_WITHOUT_ARGUMENT = 70;
    private static final int EE_OPTION_REQUIRES_ARGUMENT = 71;
    private static final int EE_SHORT_OPTION_REQUIRES_ARGUMENT = 72;
    private static final int EE_OPTION_IGNORED_DUE_TO_INVALID_VALUE = 73;
    private static final int EE_FAILED_TO_SET_OPTION_VALUE = 77;
    private static final int ER_TOO_MANY_ARGUMENTS = 10147;
    private static final String[] PREFIXES = {"skip", "disable", "enable", "maximum", "loose"};

    private final Map<String, OptionDefinition> options;
    private final UnknownOptionPolicy policy;
    private final String program;
    private final List<ConfigWarning> warnings;

    private final Map<String, Object> values = new LinkedHashMap<>();

    private final Map<String, OptionArgument> setBy = new HashMap<>();

    private OptionArgument current;
    private final List<PluginLoadOption> pluginLoads = new ArrayList<>();
    private final List<RawOption> raw = new ArrayList<>();
    private boolean version;

    OptionParser(Map<String, OptionDefinition> options, UnknownOptionPolicy policy, String program,
                 List<ConfigWarning> warnings) {
        this.options = options;
        this.policy = policy;
        this.program = program;
        this.warnings = warnings;
    }

    /** What the arguments set: values by option key, plugin-load options, raw unknown options. */
    record Result(Map<String, Object> values, List<PluginLoadOption> pluginLoads, List<RawOption> raw,
                  boolean version, Map<String, OptionArgument> setBy) {
    }

    /** Sets an option's value, noting the argument that set it (performance_schema.variables_info). */
    private void put(String key, Object value) {
        values.put(key, value);
        setBy.put(key, current);
    }

    Result parse(List<OptionArgument> arguments) throws ConfigException {
        boolean endOfOptions = false;
        for (int index = 0; index < arguments.size() && !version; index++) {
            OptionArgument argument = arguments.get(index);
            current = argument;
            String text = argument.text();
            if (endOfOptions || !text.startsWith("-") || text.length() < 2) {
                throw fail(ConfigWarning.error(ER_TOO_MANY_ARGUMENTS, "Too many arguments (first extra is '" + text + "')."));
            }
            if (text.equals("--")) {
                endOfOptions = true;
            } else if (text.startsWith("--")) {
                index = longOption(arguments, index);
            } else {
                index = shortOptions(arguments, index);
            }
        }
        return new Result(values, pluginLoads, raw, version, setBy);
    }

    private int longOption(List<OptionArgument> arguments, int index) throws ConfigException {
        OptionArgument argument = arguments.get(index);
        String body = argument.text().substring(2);
        int equals = body.indexOf('=');
        String name = equals < 0 ? body : body.substring(0, equals);
        String value = equals < 0 ? null : body.substring(equals + 1);
        OptionDefinition option = options.get(OptionDefinition.key(name));
        boolean loose = false;
        boolean maximum = false;
        if (option == null) {
            String rest = name;
            boolean stripped = true;
            while (option == null && stripped) {
                stripped = false;
                for (String prefix : PREFIXES) {
                    if (rest.length() > prefix.length() && rest.startsWith(prefix)
                            && (rest.charAt(prefix.length()) == '-' || rest.charAt(prefix.length()) == '_')) {
                        rest = rest.substring(prefix.length() + 1);
                        loose |= prefix.equals("loose");
                        option = options.get(OptionDefinition.key(rest));
                        if (option != null) {
                            value = prefixedValue(prefix, value);
                            maximum = prefix.equals("maximum");
                        }
                        stripped = true;
                        break;
                    }
                }
            }
            if (option == null) {
                unknown(argument, body, name, equals < 0 ? null : body.substring(equals + 1), loose);
                return index;
            }
            if (maximum) {
                // --maximum-x sets the upper limit of a session value; Doppel has no such limits.
                return index;
            }
        }
        if (option.argType() == ArgType.NO_ARG) {
            if (value != null && option.kind() != Kind.BOOL) {
                throw fail(ConfigWarning.error(EE_OPTION_WITHOUT_ARGUMENT, program + ": option '--" + option.name()
                        + "' cannot take an argument."));
            }
            if (option.kind() == Kind.BOOL && value != null) {
                Boolean flag = OptionValues.bool(value);
                if (flag == null) {
                    warnings.add(ConfigWarning.warning(EE_OPTION_IGNORED_DUE_TO_INVALID_VALUE, program
                            + ": ignoring option '--" + option.name() + "' due to invalid value '" + value + "'."));
                    return index;
                }
                put(key(option), flag);
                return index;
            }
            set(option, null);
            return index;
        }
        int result = index;
        if (option.argType() == ArgType.REQUIRED_ARG && value == null) {
            if (!argument.commandLine() || index + 1 >= arguments.size()) {
                throw fail(ConfigWarning.error(EE_OPTION_REQUIRES_ARGUMENT, program + ": option '--" + option.name()
                        + "' requires an argument."));
            }
            result = index + 1;
            value = arguments.get(result).text();
        }
        set(option, value);
        return result;
    }

    /** skip-/disable- turn the value off (a value of 0 turns it back on), enable- turns it on. */
    private static String prefixedValue(String prefix, String value) {
        boolean zero = "0".equals(value);
        return switch (prefix) {
            case "skip", "disable" -> zero ? "1" : "0";
            case "enable" -> zero ? "0" : "1";
            default -> value;
        };
    }

    private void unknown(OptionArgument argument, String body, String name, String value, boolean loose)
            throws ConfigException {
        boolean mustBeVariable = value != null;
        RawOption option = new RawOption(OptionDefinition.key(name), value, argument.source(), body);
        boolean claimed = policy.claims(option);
        if (claimed || loose) {
            raw.add(option);
        }
        if (claimed) {
            return;
        }
        ConfigWarning message = new ConfigWarning(loose ? ConfigWarning.Severity.WARNING : ConfigWarning.Severity.ERROR,
                mustBeVariable ? EE_UNKNOWN_VARIABLE : EE_UNKNOWN_OPTION,
                mustBeVariable ? "unknown variable '" + body + "'." : "unknown option '--" + body + "'.");
        if (!loose) {
            throw fail(message);
        }
        warnings.add(message);
    }

    private int shortOptions(List<OptionArgument> arguments, int index) throws ConfigException {
        String text = arguments.get(index).text();
        for (int position = 1; position < text.length(); position++) {
            char letter = text.charAt(position);
            OptionDefinition option = shortOption(letter);
            if (option == null) {
                throw fail(ConfigWarning.error(EE_UNKNOWN_SHORT_OPTION, program + ": unknown option '-" + letter + "'."));
            }
            if (option.argType() == ArgType.NO_ARG) {
                if (option.kind() == Kind.BOOL) {
                    put(key(option), Boolean.TRUE);
                } else {
                    set(option, null);
                }
                if (version) {
                    return index;
                }
                continue;
            }
            if (position + 1 < text.length()) {
                set(option, text.substring(position + 1));
                return index;
            }
            if (option.argType() == ArgType.OPT_ARG) {
                set(option, null);
                continue;
            }
            if (index + 1 >= arguments.size()) {
                throw fail(ConfigWarning.error(EE_SHORT_OPTION_REQUIRES_ARGUMENT, program + ": option '-" + letter
                        + "' requires an argument."));
            }
            set(option, arguments.get(index + 1).text());
            return index + 1;
        }
        return index;
    }

    private OptionDefinition shortOption(char letter) {
        for (OptionDefinition each : options.values()) {
            if (each.shortOption() == letter) {
                return each;
            }
        }
        return null;
    }

    private void set(OptionDefinition option, String value) throws ConfigException {
        String key = key(option);
        if (option.kind() == Kind.FLAG) {
            version |= key.equals(OptionDefinition.key(ServerOptions.VERSION));
            put(key, Boolean.TRUE);
            return;
        }
        if (key.equals(OptionDefinition.key(ServerOptions.PLUGIN_LOAD))
                || key.equals(OptionDefinition.key(ServerOptions.PLUGIN_LOAD_ADD))) {
            pluginLoads.add(new PluginLoadOption(key.endsWith("add") ? PluginLoadOption.Kind.LOAD_ADD
                    : PluginLoadOption.Kind.LOAD, value));
            return;
        }
        boolean numeric = option.kind() == Kind.INTEGER || option.kind() == Kind.UNSIGNED
                || option.kind() == Kind.DOUBLE || option.kind() == Kind.ENUM;
        if (numeric && value != null && value.isEmpty()) {
            throw fail(ConfigWarning.error(OptionValues.EE_OPTION_WITH_EMPTY_VALUE, program + ": Empty value for '"
                    + option.name() + "' specified."));
        }
        String argument = value == null ? "1" : value;
        try {
            Object result = switch (option.kind()) {
                case BOOL -> OptionValues.boolOrOff(option, argument, warnings);
                case INTEGER -> OptionValues.signed(option, argument, warnings);
                case UNSIGNED -> OptionValues.unsigned(option, argument, warnings);
                case DOUBLE -> OptionValues.decimal(option, argument, warnings);
                case ENUM -> OptionValues.enumeration(option, argument);
                case SET -> OptionValues.set(option, argument);
                case STRING -> value == null ? "" : value;
                case FLAG -> Boolean.TRUE;
            };
            put(key, result);
        } catch (OptionValues.Failure failure) {
            List<ConfigWarning> errors = new ArrayList<>();
            if (failure.error() != null) {
                errors.add(failure.error());
            }
            errors.add(ConfigWarning.error(EE_FAILED_TO_SET_OPTION_VALUE, program + ": Error while setting value '"
                    + argument + "' to '" + option.name() + "'."));
            throw fail(errors.toArray(ConfigWarning[]::new));
        }
    }

    private static String key(OptionDefinition option) {
        return OptionDefinition.key(option.name());
    }

    private ConfigException fail(ConfigWarning... errors) {
        List<ConfigWarning> messages = new ArrayList<>(warnings);
        messages.addAll(List.of(errors));
        messages.add(ConfigWarning.ABORTING);
        return new ConfigException(messages, false);
    }
}
