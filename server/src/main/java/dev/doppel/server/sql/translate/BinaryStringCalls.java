package dev.doppel.server.sql.translate;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MySQL's string functions give a binary string when a string argument is binary, and work on its bytes; the engine's
 * functions, and the server's text ones, read such an argument as UTF-8 text and gave EF BF BD for every byte that
 * is none (CONCAT(x'FF', 'a') stored EF BF BD 61 into a VARBINARY column). So a call whose string argument is binary
 * here, as far as the statement says (a hexadecimal, bit or _binary literal, BINARY x, CAST(x AS BINARY), a binary
 * column of a table the statement names, or a call that is binary in turn), becomes the server's byte-wise form,
 * {@code PUBLIC.MYSQL_BIN_*} (engine.binary.MySqlBinaryStrings), whose result the engine types as binary, as MySQL
 * does. What the statement does not tell (a subquery, a derived table's column, a parameter) stays text.
 */
final class BinaryStringCalls {
    /** Each function, the server's byte-wise form, and its string arguments (0-based; empty: every argument). */
    private record Form(String engineName, int arguments, Set<Integer> strings) {
        boolean isString(int argument) {
            return strings.isEmpty() || strings.contains(argument);
        }
    }

    private static final Map<String, Form> FORMS = Map.ofEntries(
            Map.entry("CONCAT", new Form("PUBLIC.MYSQL_BIN_CONCAT", -1, Set.of())),
            Map.entry("CONCAT_WS", new Form("PUBLIC.MYSQL_BIN_CONCAT_WS", -1, Set.of())),
            Map.entry("LEFT", new Form("PUBLIC.MYSQL_BIN_LEFT", 2, Set.of(0))),
            Map.entry("RIGHT", new Form("PUBLIC.MYSQL_BIN_RIGHT", 2, Set.of(0))),
            Map.entry("REPEAT", new Form("PUBLIC.MYSQL_BIN_REPEAT", 2, Set.of(0))),
            Map.entry("LPAD", new Form("PUBLIC.MYSQL_BIN_LPAD", 3, Set.of(0, 2))),
            Map.entry("RPAD", new Form("PUBLIC.MYSQL_BIN_RPAD", 3, Set.of(0, 2))),
            Map.entry("REPLACE", new Form("PUBLIC.MYSQL_BIN_REPLACE", 3, Set.of())),
            Map.entry("INSERT", new Form("PUBLIC.MYSQL_BIN_INSERT", 4, Set.of(0, 3))),
            Map.entry("SUBSTRING_INDEX", new Form("PUBLIC.MYSQL_BIN_SUBSTRING_INDEX", 3, Set.of(0, 1))),
            Map.entry("REVERSE", new Form("PUBLIC.MYSQL_BIN_REVERSE", 1, Set.of())),
            Map.entry("LOWER", new Form("PUBLIC.MYSQL_BIN_SAME_CASE", 1, Set.of())),
            Map.entry("LCASE", new Form("PUBLIC.MYSQL_BIN_SAME_CASE", 1, Set.of())),
            Map.entry("UPPER", new Form("PUBLIC.MYSQL_BIN_SAME_CASE", 1, Set.of())),
            Map.entry("UCASE", new Form("PUBLIC.MYSQL_BIN_SAME_CASE", 1, Set.of())),
            Map.entry("TRIM", new Form("PUBLIC.MYSQL_BIN_TRIM", 1, Set.of())),
            Map.entry("LTRIM", new Form("PUBLIC.MYSQL_BIN_LTRIM", 1, Set.of())),
            Map.entry("RTRIM", new Form("PUBLIC.MYSQL_BIN_RTRIM", 1, Set.of())),
            Map.entry("ELT", new Form("PUBLIC.MYSQL_BIN_ELT", -1, Set.of())));

    /** Calls whose result is binary when one of their arguments is; the engine's own keep the bytes. */
    private static final Set<String> PASSING = Set.of("IFNULL", "COALESCE", "NULLIF", "IF", "SUBSTRING", "SUBSTR",
            "MID", "GREATEST", "LEAST");
    /** Calls whose result is always binary. */
    private static final Set<String> BINARY_RESULTS = Set.of("UNHEX", "COMPRESS", "UNCOMPRESS", "RANDOM_BYTES");
    private static final Set<String> AS = Set.of("AS", "USING");

    private final List<Token> tokens;
    private final StatementColumns columns;

    private BinaryStringCalls(String sql, List<Token> tokens, Session session) {
        this.tokens = tokens;
        this.columns = new StatementColumns(sql, tokens, session);
    }

    static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        BinaryStringCalls calls = null;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Token.Kind.WORD || !tokens.get(i + 1).isSymbol("(")
                    || i > 0 && tokens.get(i - 1).isSymbol(".") || edits.replaced().containsKey(i)
                    || !FORMS.containsKey(token.upper())) {
                continue;
            }
            if (calls == null) {
                calls = new BinaryStringCalls(statement.sql(), tokens, session);
            }
            int close = TokenRanges.closing(tokens, i + 1);
            if (close > 0 && calls.isBinaryCall(i, close)) {
                edits.replaced().put(i, FORMS.get(token.upper()).engineName());
            }
        }
    }

    /** Whether the call of one of FORMS at {@code name}, closed at {@code close}, has a binary string argument. */
    private boolean isBinaryCall(int name, int close) {
        Form form = FORMS.get(tokens.get(name).upper());
        List<int[]> arguments = TokenRanges.rangesBetweenCommas(tokens, name + 2, close);
        if (form.arguments() >= 0 && arguments.size() != form.arguments()
                || TokenRanges.firstTopLevel(tokens, name + 2, close, Set.of("FROM")) < close) {
            return false; // the engine reports a wrong call; TRIM(... FROM ...) stays the engine's
        }
        for (int a = 0; a < arguments.size(); a++) {
            if (form.isString(a) && isBinary(arguments.get(a)[0], arguments.get(a)[1])) {
                return true;
            }
        }
        return false;
    }

    /** Whether the expression at [from, to) is a binary string, as far as the statement tells. */
    private boolean isBinary(int from, int to) {
        if (to - from < 1) {
            return false;
        }
        Token first = tokens.get(from);
        if (to - from == 2 && first.kind() == Token.Kind.WORD && tokens.get(from + 1).kind() == Token.Kind.STRING) {
            return first.isWord("X") || first.isWord("B") || first.isWord("_binary");
        }
        if (to - from == 1 && first.kind() == Token.Kind.NUMBER) {
            return first.isHexOrBitNumber();
        }
        if (first.isWord("BINARY") && to - from > 1) {
            return true;
        }
        if (first.isSymbol("(") && TokenRanges.closing(tokens, from) == to - 1) {
            return !tokens.get(from + 1).isWord("SELECT") && isBinary(from + 1, to - 1);
        }
        if (first.kind() == Token.Kind.WORD && to - from > 2 && tokens.get(from + 1).isSymbol("(")
                && TokenRanges.closing(tokens, from + 1) == to - 1) {
            return isBinaryResult(from, to - 1);
        }
        return columns.kindOf(from, to) == StatementColumns.Kind.BINARY;
    }

    private boolean isBinaryResult(int name, int close) {
        String function = tokens.get(name).upper();
        if (BINARY_RESULTS.contains(function)) {
            return true;
        }
        if (FORMS.containsKey(function)) {
            return isBinaryCall(name, close);
        }
        if (function.equals("CAST") || function.equals("CONVERT")) {
            // CAST(x AS BINARY[(n)]), CONVERT(x USING binary), CONVERT(x, BINARY[(n)])
            int as = TokenRanges.firstTopLevel(tokens, name + 2, close, AS);
            List<Integer> commas = TokenRanges.commas(tokens, name + 2, close);
            int type = as < close ? as + 1 : commas.isEmpty() ? close : commas.get(0) + 1;
            return type < close && tokens.get(type).isWord("BINARY");
        }
        if (PASSING.contains(function)) {
            boolean firstOnly = function.startsWith("SUB") || function.equals("MID");
            List<int[]> arguments = TokenRanges.rangesBetweenCommas(tokens, name + 2, close);
            for (int a = function.equals("IF") ? 1 : 0; a < (firstOnly ? Math.min(1, arguments.size()) : arguments.size()); a++) {
                if (isBinary(arguments.get(a)[0], arguments.get(a)[1])) {
                    return true;
                }
            }
        }
        return false;
    }
}
