package dev.doppel.server.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads my.cnf files the way MySQL's my_default.cc does and turns the options of the selected groups
 * into {@code --name[=value]} arguments:
 * <ul>
 * <li>{@code [group]} headers, matched case-insensitively; options before any group are an error;</li>
 * <li>lines starting with {@code #} or {@code ;} are comments, and a {@code #} outside quotes ends the line;</li>
 * <li>whitespace around names and values is dropped, one pair of matching quotes around a value is
 * removed, and {@code \n \t \r \b \s \\ \" \'} are unescaped (other backslashes are kept);</li>
 * <li>{@code !include file} reads a file (silently skipped when missing, as MySQL does) and
 * {@code !includedir dir} reads the {@code .cnf} files of a directory in name order, at most 10 levels deep;</li>
 * <li>world-writable files are ignored with a warning.</li>
 * </ul>
 */
final class OptionFileReader {
    private static final int MAX_RECURSION = 10;
    private static final int EE_DIR = 12;
    private static final int EE_WRONG_DIRECTIVE = 49;
    private static final int EE_SKIPPING_DIRECTIVE = 50;
    private static final int EE_INCORRECT_GROUP = 51;
    private static final int EE_OPTION_WITHOUT_GROUP = 52;
    private static final int EE_WORLD_WRITABLE = 54;

    private final Set<String> groups;
    private final Path workingDirectory;
    private final List<ConfigWarning> warnings;

    /**
     * @param groups the group names to read, lower-case
     * @param warnings collects warnings (ignored world-writable files, include depth)
     */
    OptionFileReader(Set<String> groups, Path workingDirectory, List<ConfigWarning> warnings) {
        this.groups = groups;
        this.workingDirectory = workingDirectory;
        this.warnings = warnings;
    }

    /**
     * Appends the options of the selected groups in {@code file} to {@code out}.
     *
     * @return false when the file does not exist or cannot be opened (not an error for default files)
     */
    boolean read(Path file, List<OptionArgument> out) throws ConfigException {
        return read(workingDirectory.resolve(file), out, 0);
    }

    private boolean read(Path file, List<OptionArgument> out, int depth) throws ConfigException {
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            return false;
        }
        if (worldWritable(file)) {
            warnings.add(ConfigWarning.warning(EE_WORLD_WRITABLE, "World-writable config file '" + file + "' is ignored."));
            return true;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return false;
        }
        String group = null;
        for (int index = 0; index < lines.size(); index++) {
            int lineNumber = index + 1;
            String line = stripLeading(lines.get(index));
            if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == ';') {
                continue;
            }
            if (line.charAt(0) == '!') {
                directive(file, line, lineNumber, depth, out);
                continue;
            }
            if (line.charAt(0) == '[') {
                int end = line.indexOf(']');
                if (end < 0) {
                    throw fatal(EE_INCORRECT_GROUP, "Wrong group definition in config file " + file + " at line "
                            + lineNumber + ".");
                }
                group = stripTrailing(line.substring(1, end));
                continue;
            }
            if (group == null) {
                throw fatal(EE_OPTION_WITHOUT_GROUP, "Found option without preceding group in config file " + file
                        + " at line " + lineNumber + ".");
            }
            if (groups.contains(group.toLowerCase(Locale.ROOT))) {
                out.add(new OptionArgument(option(removeEndComment(line)), file.toString(), false));
            }
        }
        return true;
    }

    private void directive(Path file, String line, int lineNumber, int depth, List<OptionArgument> out)
            throws ConfigException {
        if (depth >= MAX_RECURSION) {
            warnings.add(ConfigWarning.warning(EE_SKIPPING_DIRECTIVE, "Skipping '" + stripTrailing(line)
                    + "' directive as maximum include recursion level was reached in file " + file + " at line "
                    + lineNumber + "."));
            return;
        }
        String rest = stripLeading(line.substring(1));
        if (keyword(rest, "includedir")) {
            Path directory = workingDirectory.resolve(argument(file, rest, "includedir", lineNumber));
            List<Path> files;
            try (Stream<Path> entries = Files.list(directory)) {
                files = entries.filter(each -> each.getFileName().toString().endsWith(".cnf")).sorted().toList();
            } catch (IOException e) {
                throw fatal(EE_DIR, "Can't read dir of '" + directory + "' (OS errno 2 - No such file or directory)");
            }
            for (Path each : files) {
                read(each, out, depth + 1);
            }
        } else if (keyword(rest, "include")) {
            read(workingDirectory.resolve(argument(file, rest, "include", lineNumber)), out, depth + 1);
        }
    }

    private static boolean keyword(String text, String keyword) {
        return text.startsWith(keyword) && text.length() > keyword.length()
                && Character.isWhitespace(text.charAt(keyword.length()));
    }

    private static String argument(Path file, String text, String keyword, int lineNumber) throws ConfigException {
        String result = text.substring(keyword.length()).strip();
        if (result.isEmpty()) {
            throw fatal(EE_WRONG_DIRECTIVE, "Wrong '!" + keyword + "' directive in config file " + file + " at line "
                    + lineNumber + ".");
        }
        return result;
    }

    /** MySQL's remove_end_comment: a {@code #} outside single or double quotes ends the line. */
    static String removeEndComment(String line) {
        char quote = 0;
        boolean escape = false;
        for (int i = 0; i < line.length(); i++) {
            char each = line.charAt(i);
            if ((each == '\'' || each == '"') && !escape) {
                if (quote == 0) {
                    quote = each;
                } else if (quote == each) {
                    quote = 0;
                }
            }
            if (quote == 0 && each == '#') {
                return line.substring(0, i);
            }
            escape = quote != 0 && each == '\\' && !escape;
        }
        return line;
    }

    /** One option line (comment already removed) as a {@code --name[=value]} argument. */
    static String option(String line) {
        int equals = line.indexOf('=');
        if (equals < 0) {
            return "--" + stripTrailing(line);
        }
        String name = stripTrailing(line.substring(0, equals));
        String value = line.substring(equals + 1).strip();
        if (value.length() > 1 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            value = value.substring(1, value.length() - 1);
        }
        return "--" + name + "=" + unescape(value);
    }

    private static String unescape(String value) {
        StringBuilder result = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char each = value.charAt(i);
            if (each != '\\' || i == value.length() - 1) {
                result.append(each);
                continue;
            }
            char next = value.charAt(++i);
            switch (next) {
                case 'n' -> result.append('\n');
                case 't' -> result.append('\t');
                case 'r' -> result.append('\r');
                case 'b' -> result.append('\b');
                case 's' -> result.append(' ');
                case '"', '\'', '\\' -> result.append(next);
                default -> result.append('\\').append(next);
            }
        }
        return result.toString();
    }

    private static boolean worldWritable(Path file) {
        try {
            return Files.isRegularFile(file)
                    && Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String stripLeading(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        return text.substring(start);
    }

    private static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** A problem in an option file: mysqld prints it and "Fatal error in defaults handling" before exiting. */
    static ConfigException fatal(int code, String text) {
        return new ConfigException(List.of(ConfigWarning.error(code, text), ConfigWarning.error(48,
                "Fatal error in defaults handling. Program aborted!")), true);
    }
}
