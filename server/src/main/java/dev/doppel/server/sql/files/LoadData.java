package dev.doppel.server.sql.files;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code LOAD DATA [LOCAL] INFILE 'f' [REPLACE | IGNORE] INTO TABLE t [CHARACTER SET cs] [FIELDS ...] [LINES ...]
 * [IGNORE n LINES] [(col, ...)]}: the statement and the reading of its file in MySQL's format, the one SELECT ...
 * INTO OUTFILE writes (tab-separated, {@code \N} for NULL, backslash escapes, or the options given). The rows become
 * one INSERT (or REPLACE, or INSERT IGNORE) that runs as any statement does: privileges, one transaction, errors.
 */
public final class LoadData {
    final boolean local;
    final String file;
    final String table;
    final String verb;
    final List<String> columns = new ArrayList<>();
    private final ExportOptions format = new ExportOptions();
    private long ignoreLines;

    private LoadData(boolean local, String file, String table, String verb) {
        this.local = local;
        this.file = file;
        this.table = table;
        this.verb = verb;
    }

    /** The statement's parts; 1064 for what is not LOAD DATA's grammar, 1235 for the parts not read yet. */
    static LoadData parse(String sql, List<Token> tokens) {
        int i = 1;
        if (i >= tokens.size() || !tokens.get(i).isWord("DATA")) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.exception("LOAD " + (i < tokens.size() ? tokens.get(i).upper() : ""));
        }
        i++;
        while (i < tokens.size() && (tokens.get(i).isWord("LOW_PRIORITY") || tokens.get(i).isWord("CONCURRENT"))) {
            i++;
        }
        boolean local = i < tokens.size() && tokens.get(i).isWord("LOCAL");
        i += local ? 1 : 0;
        expect(sql, tokens, i, "INFILE");
        String file = string(sql, tokens, i + 1);
        i += 2;
        // with LOCAL the server cannot stop the client's transfer, so MySQL treats duplicate keys as IGNORE does
        String verb = local ? "INSERT IGNORE" : "INSERT";
        if (i < tokens.size() && (tokens.get(i).isWord("REPLACE") || tokens.get(i).isWord("IGNORE"))) {
            verb = tokens.get(i).isWord("REPLACE") ? "REPLACE" : "INSERT IGNORE";
            i++;
        }
        expect(sql, tokens, i, "INTO");
        expect(sql, tokens, i + 1, "TABLE");
        i += 2;
        if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            throw Lexer.syntaxError(sql, i < tokens.size() ? tokens.get(i).start() : sql.length());
        }
        int tableEnd = i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".") ? i + 3 : i + 1;
        LoadData result = new LoadData(local, file, sql.substring(tokens.get(i).start(), tokens.get(tableEnd - 1).end()),
                verb);
        i = result.options(sql, tokens, tableEnd);
        if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            i++;
            while (i < tokens.size() && !tokens.get(i).isSymbol(")")) {
                Token column = tokens.get(i);
                if (column.kind() == Token.Kind.USER_VARIABLE) {
                    throw MySqlError.ER_NOT_SUPPORTED_YET.exception("LOAD DATA into user variables");
                }
                if (column.isIdentifier()) {
                    result.columns.add(sql.substring(column.start(), column.end()));
                }
                i++;
            }
            i++;
        }
        if (i < tokens.size() && tokens.get(i).isWord("SET")) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.exception("LOAD DATA ... SET");
        }
        if (i < tokens.size()) {
            throw Lexer.syntaxError(sql, tokens.get(i).start());
        }
        return result;
    }

    private int options(String sql, List<Token> tokens, int i) {
        i = format.read(sql, tokens, i);
        if (i + 2 < tokens.size() && tokens.get(i).isWord("IGNORE") && tokens.get(i + 1).kind() == Token.Kind.NUMBER
                && (tokens.get(i + 2).isWord("LINES") || tokens.get(i + 2).isWord("ROWS"))) {
            ignoreLines = Long.parseLong(tokens.get(i + 1).text());
            i += 3;
        }
        return i;
    }

    /** The rows of the file's text, each a list of values (null for NULL). */
    List<List<String>> rows(String text) {
        List<List<String>> result = new ArrayList<>();
        int pos = 0;
        long skip = ignoreLines;
        while (pos < text.length()) {
            if (!format.linesStarting.isEmpty()) {
                int start = text.indexOf(format.linesStarting, pos);
                if (start < 0) {
                    break;
                }
                pos = start + format.linesStarting.length();
            }
            List<String> row = new ArrayList<>();
            pos = row(text, pos, row);
            if (skip > 0) {
                skip--;
            } else {
                result.add(row);
            }
        }
        return result;
    }

    /** Reads one line's fields into {@code row}; returns the position after its terminator. */
    private int row(String text, int pos, List<String> row) {
        while (true) {
            StringBuilder value = new StringBuilder();
            boolean quoted = !format.enclosed.isEmpty() && text.startsWith(format.enclosed, pos);
            boolean wasQuoted = quoted;
            boolean escapedNull = false;
            if (quoted) {
                pos += format.enclosed.length();
            }
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (!format.escaped.isEmpty() && text.startsWith(format.escaped, pos)
                        && pos + format.escaped.length() < text.length()) {
                    char next = text.charAt(pos + format.escaped.length());
                    escapedNull = next == 'N' && value.isEmpty();
                    value.append(unescape(next));
                    pos += format.escaped.length() + 1;
                    continue;
                }
                if (quoted && text.startsWith(format.enclosed, pos)) {
                    if (text.startsWith(format.enclosed + format.enclosed, pos)) {
                        value.append(format.enclosed);
                        pos += 2 * format.enclosed.length();
                        continue;
                    }
                    pos += format.enclosed.length();
                    quoted = false;
                    continue;
                }
                if (!quoted && (text.startsWith(format.fieldsTerminated, pos) && !format.fieldsTerminated.isEmpty()
                        || text.startsWith(format.linesTerminated, pos))) {
                    break;
                }
                value.append(c);
                pos++;
            }
            String field = value.toString();
            // \N is NULL; with ENCLOSED BY, so is the bare word NULL
            boolean isNull = escapedNull && field.equals("N")
                    || !format.enclosed.isEmpty() && !wasQuoted && field.equals("NULL");
            row.add(isNull ? null : field);
            if (!format.fieldsTerminated.isEmpty() && text.startsWith(format.fieldsTerminated, pos)) {
                pos += format.fieldsTerminated.length();
                continue;
            }
            return text.startsWith(format.linesTerminated, pos) ? pos + format.linesTerminated.length() : text.length();
        }
    }

    private static char unescape(char next) {
        return switch (next) {
            case '0' -> '\0';
            case 'b' -> '\b';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'Z' -> '\u001A';
            default -> next;
        };
    }

    /** The INSERT that loads {@code rows} into {@code width} columns (the list given, or all of the table's). */
    String insert(List<List<String>> rows, int width, java.util.function.BiConsumer<MySqlError, Integer> warning) {
        StringBuilder sql = new StringBuilder(verb).append(" INTO ").append(table);
        if (!columns.isEmpty()) {
            sql.append(" (").append(String.join(", ", columns)).append(')');
        }
        sql.append(" VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() < width) {
                warning.accept(MySqlError.ER_WARN_TOO_FEW_RECORDS, r + 1);
            } else if (row.size() > width) {
                warning.accept(MySqlError.ER_WARN_TOO_MANY_RECORDS, r + 1);
            }
            sql.append(r == 0 ? "(" : ", (");
            for (int c = 0; c < width; c++) {
                // a missing field leaves the column its default, as in MySQL
                String value = c < row.size() ? row.get(c) : null;
                sql.append(c == 0 ? "" : ", ").append(c >= row.size() ? "DEFAULT" : value == null ? "NULL" : quote(value));
            }
            sql.append(')');
        }
        return sql.toString();
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\0", "\\0") + "'";
    }

    private static void expect(String sql, List<Token> tokens, int index, String word) {
        if (index >= tokens.size() || !tokens.get(index).isWord(word)) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
    }

    private static String string(String sql, List<Token> tokens, int index) {
        if (index >= tokens.size() || tokens.get(index).kind() != Token.Kind.STRING) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        return tokens.get(index).text();
    }
}
