package dev.doppel.server.sql.lex;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits MySQL statement text into tokens: comments (-- , #, /* *&#47;) are skipped, and the text of
 * executable comments {@code /*!80000 ... *&#47;} is read as code when the version number is not above
 * this server's, as MySQL does.
 */
public final class Lexer {
    private static final int SERVER_VERSION_ID = 80406;
    private static final Pattern NUMBER = Pattern.compile("(0x[0-9a-fA-F]+|0b[01]+|\\d*\\.?\\d+([eE][-+]?\\d+)?|\\d+\\.)");

    private final String sql;
    private int position;
    private int executableCommentDepth;

    private Lexer(String sql) {
        this.sql = sql;
    }

    public static List<Token> tokenize(String sql) {
        return new Lexer(sql).run();
    }

    /** A ? marker outside a prepared statement is a syntax error at the marker, as MySQL's parser says. */
    public static void requireNoMarkers(String sql, List<Token> tokens) {
        for (Token each : tokens) {
            if (each.kind() == Token.Kind.PARAMETER) {
                throw syntaxError(sql, each.start());
            }
        }
    }

    /** The statements of a multi-statement text: the tokens between the semicolons, empty statements left out. */
    public static List<List<Token>> splitStatements(List<Token> tokens) {
        List<List<Token>> result = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (depth > 0 || CompoundStatements.definesProgram(current)) {
                depth = Math.max(0, depth + CompoundStatements.depthChange(tokens, i));
            }
            if (each.isSymbol(";") && depth == 0) {
                if (!current.isEmpty()) {
                    result.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(each);
            }
        }
        if (!current.isEmpty()) {
            result.add(current);
        }
        return result;
    }

    private List<Token> run() {
        List<Token> result = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (position >= sql.length()) {
                return result;
            }
            result.add(next());
        }
    }

    private void skipSpaceAndComments() {
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '#' || (c == '-' && sql.startsWith("--", position)
                    && (position + 2 >= sql.length() || Character.isWhitespace(sql.charAt(position + 2))))) {
                int end = sql.indexOf('\n', position);
                position = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*!", position)) {
                int start = position + 3;
                int digits = start;
                while (digits < sql.length() && Character.isDigit(sql.charAt(digits))) {
                    digits++;
                }
                int version = digits - start >= 5 ? Integer.parseInt(sql.substring(start, Math.min(digits, start + 6))) : 0;
                if (version > SERVER_VERSION_ID) {
                    skipBlockComment();
                } else {
                    executableCommentDepth++;
                    position = digits;
                }
            } else if (sql.startsWith("/*", position)) {
                skipBlockComment();
            } else if (executableCommentDepth > 0 && sql.startsWith("*/", position)) {
                executableCommentDepth--;
                position += 2;
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int end = sql.indexOf("*/", position + 2);
        position = end < 0 ? sql.length() : end + 2;
    }

    private Token next() {
        int start = position;
        char c = sql.charAt(position);
        if (c == '\'' || c == '"') {
            return new Token(Token.Kind.STRING, readQuoted(c), start, position);
        }
        if (c == '`') {
            return new Token(Token.Kind.QUOTED_IDENTIFIER, readQuoted('`'), start, position);
        }
        if (c == '@') {
            if (sql.startsWith("@@", position)) {
                position += 2;
                int nameStart = position;
                while (position < sql.length() && (isWordChar(sql.charAt(position)) || sql.charAt(position) == '.')) {
                    position++;
                }
                return new Token(Token.Kind.SYSTEM_VARIABLE, sql.substring(nameStart, position), start, position);
            }
            position++;
            if (position < sql.length() && (sql.charAt(position) == '\'' || sql.charAt(position) == '"'
                    || sql.charAt(position) == '`')) {
                String name = readQuoted(sql.charAt(position));
                return new Token(Token.Kind.USER_VARIABLE, name, start, position);
            }
            int nameStart = position;
            while (position < sql.length() && (isWordChar(sql.charAt(position)) || sql.charAt(position) == '.')) {
                position++;
            }
            return new Token(Token.Kind.USER_VARIABLE, sql.substring(nameStart, position), start, position);
        }
        if (Character.isDigit(c) || (c == '.' && position + 1 < sql.length() && Character.isDigit(sql.charAt(position + 1)))) {
            return readNumberOrWord(start);
        }
        if (isWordChar(c)) {
            while (position < sql.length() && isWordChar(sql.charAt(position))) {
                position++;
            }
            return new Token(Token.Kind.WORD, sql.substring(start, position), start, position);
        }
        if (c == '?') {
            position++;
            return new Token(Token.Kind.PARAMETER, "?", start, position);
        }
        for (String each : new String[] {"<=>", "<<", ">>", "<=", ">=", "<>", "!=", ":=", "||", "&&", "->>", "->"}) {
            if (sql.startsWith(each, position)) {
                position += each.length();
                return new Token(Token.Kind.SYMBOL, each, start, position);
            }
        }
        position++;
        return new Token(Token.Kind.SYMBOL, String.valueOf(c), start, position);
    }

    private Token readNumberOrWord(int start) {
        if (sql.startsWith("0x", position) || sql.startsWith("0b", position)) {
            position += 2;
        }
        while (position < sql.length() && (Character.isLetterOrDigit(sql.charAt(position)) || sql.charAt(position) == '.'
                || sql.charAt(position) == '_'
                || ((sql.charAt(position) == '+' || sql.charAt(position) == '-')
                && (sql.charAt(position - 1) == 'e' || sql.charAt(position - 1) == 'E')))) {
            position++;
        }
        String text = sql.substring(start, position);
        boolean numeric = NUMBER.matcher(text).matches();
        return new Token(numeric ? Token.Kind.NUMBER : Token.Kind.WORD, text, start, position);
    }

    private String readQuoted(char quote) {
        position++;
        // most quoted text has no escape in it: one copy instead of a growing builder (a 60 MB value cost 200 MB)
        int start = position;
        int end = start;
        while (end < sql.length() && sql.charAt(end) != quote && (sql.charAt(end) != '\\' || quote == '`')) {
            end++;
        }
        if (end < sql.length() && sql.charAt(end) == quote
                && (end + 1 >= sql.length() || sql.charAt(end + 1) != quote)) {
            position = end + 1;
            return sql.substring(start, end);
        }
        StringBuilder result = new StringBuilder(end - start + 16);
        result.append(sql, start, end);
        position = end;
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (c == '\\' && quote != '`' && position + 1 < sql.length()) {
                char escaped = sql.charAt(position + 1);
                switch (escaped) {
                    case 'n' -> result.append('\n');
                    case 't' -> result.append('\t');
                    case 'r' -> result.append('\r');
                    case 'b' -> result.append('\b');
                    case '0' -> result.append('\0');
                    case 'Z' -> result.append('\u001A');
                    case '%', '_' -> result.append('\\').append(escaped);
                    default -> result.append(escaped);
                }
                position += 2;
            } else if (c == quote) {
                if (position + 1 < sql.length() && sql.charAt(position + 1) == quote) {
                    result.append(quote);
                    position += 2;
                } else {
                    position++;
                    return result.toString();
                }
            } else {
                result.append(c);
                position++;
            }
        }
        throw syntaxError(sql, sql.length());
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7F;
    }

    /** MySQL's 1064 for the text from {@code offset} on. */
    public static MySqlException syntaxError(String sql, int offset) {
        return syntaxError(MySqlError.ER_SYNTAX_ERROR.template(), sql, offset);
    }

    /** 1064 with {@code message} in place of the usual words, as MySQL's grammar reports some of its own checks. */
    public static MySqlException syntaxError(String message, String sql, int offset) {
        int line = 1;
        for (int i = 0; i < Math.min(offset, sql.length()); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        String near = offset >= sql.length() ? "" : sql.substring(offset);
        return MySqlError.ER_PARSE_ERROR.exception(message, near, line);
    }
}
