package dev.doppel.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Collects the arguments mysqld's option parser sees, as MySQL's my_load_defaults does: the options
 * from the option files first, then the command line. These must come first on the command line:
 * {@code --no-defaults} (read no file; only as the very first argument), {@code --defaults-file=F}
 * (read only F), {@code --defaults-extra-file=F} (read F after the global files),
 * {@code --defaults-group-suffix=S} (also read {@code [group S]}), {@code --login-path} (accepted,
 * ignored); after them {@code --print-defaults} prints the resulting argument list.
 */
final class OptionSources {
    /** The groups mysqld reads, plus Doppel's own. */
    static final List<String> GROUPS = List.of("mysqld", "server", "mysqld-8.4", "doppeld");
    private static final int EE_FAILED_TO_OPEN_DEFAULTS_FILE = 47;

    private OptionSources() {
    }

    /** The option arguments, and the --print-defaults output when it was asked for (else null). */
    record Loaded(List<OptionArgument> arguments, String printDefaults, List<ConfigWarning> warnings) {
    }

    static Loaded load(String[] args, ConfigEnvironment env) throws ConfigException {
        boolean noDefaults = args.length > 0 && args[0].equals("--no-defaults");
        String defaultsFile = null;
        String extraFile = null;
        String groupSuffix = null;
        int used = 0;
        while (used < args.length) {
            String each = args[used];
            if (each.startsWith("--no-defaults") && used == 0) {
                used++;
            } else if (defaultsFile == null && !noDefaults && each.startsWith("--defaults-file=")) {
                defaultsFile = each.substring("--defaults-file=".length());
                used++;
            } else if (extraFile == null && !noDefaults && each.startsWith("--defaults-extra-file=")) {
                extraFile = each.substring("--defaults-extra-file=".length());
                used++;
            } else if (groupSuffix == null && each.startsWith("--defaults-group-suffix=")) {
                groupSuffix = each.substring("--defaults-group-suffix=".length());
                used++;
            } else if (each.startsWith("--login-path=")) {
                used++;
            } else {
                break;
            }
        }
        boolean printDefaults = used < args.length && args[used].equals("--print-defaults");
        if (printDefaults) {
            used++;
        }
        if (groupSuffix == null) {
            groupSuffix = env.environment().get("MYSQL_GROUP_SUFFIX");
        }
        List<ConfigWarning> warnings = new ArrayList<>();
        OptionFileReader reader = new OptionFileReader(groups(groupSuffix), env.workingDirectory(), warnings);
        List<OptionArgument> arguments = new ArrayList<>();
        if (defaultsFile != null) {
            readRequired(reader, env.workingDirectory().resolve(defaultsFile), arguments);
            ofKind(arguments, 0, "EXPLICIT");
        } else if (!noDefaults) {
            String mysqlHome = env.environment().get("MYSQL_HOME");
            Path serverFile = mysqlHome == null || mysqlHome.isEmpty() ? null : Path.of(mysqlHome, "my.cnf");
            for (Path each : env.globalOptionFiles()) {
                int from = arguments.size();
                reader.read(each, arguments);
                ofKind(arguments, from, each.equals(serverFile) ? "SERVER" : "GLOBAL");
            }
            if (extraFile != null) {
                int from = arguments.size();
                readRequired(reader, env.workingDirectory().resolve(extraFile), arguments);
                ofKind(arguments, from, "EXTRA");
            }
            for (Path each : env.userOptionFiles()) {
                int from = arguments.size();
                reader.read(each, arguments);
                ofKind(arguments, from, "USER");
            }
        }
        for (String each : Arrays.asList(args).subList(used, args.length)) {
            arguments.add(OptionArgument.fromCommandLine(each));
        }
        String printed = printDefaults && !noDefaults ? printDefaults(env.programName(), arguments) : null;
        return new Loaded(arguments, printed, warnings);
    }

    /** Marks the arguments from {@code from} on (one file's, with the files it includes) as of {@code kind}. */
    private static void ofKind(List<OptionArgument> arguments, int from, String kind) {
        for (int i = from; i < arguments.size(); i++) {
            arguments.set(i, arguments.get(i).ofKind(kind));
        }
    }

    private static Set<String> groups(String suffix) {
        Set<String> result = new LinkedHashSet<>(GROUPS);
        if (suffix != null && !suffix.isEmpty()) {
            for (String each : GROUPS) {
                result.add((each + suffix).toLowerCase(Locale.ROOT));
            }
        }
        return result;
    }

    private static void readRequired(OptionFileReader reader, Path file, List<OptionArgument> out)
            throws ConfigException {
        if (!reader.read(file, out)) {
            throw OptionFileReader.fatal(EE_FAILED_TO_OPEN_DEFAULTS_FILE, "Failed to open required defaults file: " + file);
        }
    }

    private static String printDefaults(String program, List<OptionArgument> arguments) {
        StringBuilder result = new StringBuilder(program).append(" would have been started with the following arguments:\n");
        for (OptionArgument each : arguments) {
            result.append(each.text().startsWith("--password") ? "--password=*****" : each.text()).append(' ');
        }
        return result.append('\n').toString();
    }
}
