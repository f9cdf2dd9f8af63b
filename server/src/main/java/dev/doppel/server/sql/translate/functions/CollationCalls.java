package dev.doppel.server.sql.translate.functions;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.TokenRewrite;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CHARSET(x), COLLATION(x) and COERCIBILITY(x), which the engine lacks. Where the argument's form gives the answer
 * the call is written as the answer: a string literal is the connection's utf8mb4 and default collation, coercible
 * (4); {@code x COLLATE name} has that collation, explicit (0); NULL is binary, ignorable (6); a number is binary,
 * numeric (5); USER(), DATABASE(), VERSION() and their kind are utf8mb3 system constants (3). Otherwise the call is
 * the server's function of the value (engine.collation.MySqlCollations), told whether the argument is a column.
 */
public final class CollationCalls implements TokenRewrite {
    private static final Set<String> FUNCTIONS = Set.of("CHARSET", "COLLATION", "COERCIBILITY");
    private static final Set<String> SYSTEM_CONSTANTS = Set.of("USER", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER",
            "DATABASE", "SCHEMA", "VERSION", "CURRENT_ROLE");
    private static final Set<String> NOT_COLUMNS = Set.of("NULL", "TRUE", "FALSE", "DEFAULT");

    @Override
    public void collect(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token name = tokens.get(i);
            if (name.kind() != Token.Kind.WORD || !tokens.get(i + 1).isSymbol("(") || !FUNCTIONS.contains(name.upper())
                    || i > 0 && tokens.get(i - 1).isSymbol(".") || edits.replaced().containsKey(i)) {
                continue;
            }
            int close = TokenRanges.closing(tokens, i + 1);
            if (close < 0 || close == i + 2) {
                continue;
            }
            String function = name.upper();
            String constant = constant(function, tokens.subList(i + 2, close));
            if (constant != null) {
                edits.replaced().put(i, constant);
                for (int j = i + 1; j <= close; j++) {
                    edits.replaced().put(j, "");
                }
            } else {
                edits.replaced().put(i, "PUBLIC.MYSQL_" + function);
                edits.before().merge(close, isColumn(tokens.subList(i + 2, close)) ? ", TRUE" : ", FALSE",
                        String::concat);
            }
            i = close;
        }
    }

    /** The answer the argument's form gives, as engine SQL, or null. */
    private static String constant(String function, List<Token> argument) {
        Token first = argument.get(0);
        int size = argument.size();
        if (size >= 3 && argument.get(size - 2).isWord("COLLATE")) {
            String collation = argument.get(size - 1).text().toLowerCase(Locale.ROOT);
            int underscore = collation.indexOf('_');
            return answer(function, underscore < 0 ? collation : collation.substring(0, underscore), collation, 0);
        }
        if (size == 1 && first.kind() == Token.Kind.STRING) {
            return answer(function, "utf8mb4", "utf8mb4_0900_ai_ci", 4);
        }
        if (size == 2 && first.kind() == Token.Kind.WORD && first.text().startsWith("_")
                && argument.get(1).kind() == Token.Kind.STRING) {
            String charset = first.text().substring(1).toLowerCase(Locale.ROOT);
            String collation = charset.equals("binary") ? "binary" : charset.equals("utf8mb4")
                    ? "utf8mb4_0900_ai_ci" : charset + (charset.equals("latin1") ? "_swedish_ci" : "_general_ci");
            return answer(function, charset, collation, 4);
        }
        if (size == 1 && first.isWord("NULL")) {
            return answer(function, "binary", "binary", 6);
        }
        if (size == 1 && first.kind() == Token.Kind.NUMBER) {
            return answer(function, "binary", "binary", 5);
        }
        if (size == 3 && first.kind() == Token.Kind.WORD && SYSTEM_CONSTANTS.contains(first.upper())
                && argument.get(1).isSymbol("(") && argument.get(2).isSymbol(")")) {
            return answer(function, "utf8mb3", "utf8mb3_general_ci", 3);
        }
        return null;
    }

    private static String answer(String function, String charset, String collation, int coercibility) {
        return switch (function) {
            case "CHARSET" -> "'" + charset + "'";
            case "COLLATION" -> "'" + collation + "'";
            default -> Integer.toString(coercibility);
        };
    }

    /** A column reference: name, table.name or db.table.name. */
    private static boolean isColumn(List<Token> argument) {
        if (argument.size() % 2 == 0 || argument.size() > 5) {
            return false;
        }
        for (int i = 0; i < argument.size(); i++) {
            Token each = argument.get(i);
            boolean ok = i % 2 == 0 ? each.isIdentifier() && !(each.kind() == Token.Kind.WORD
                    && NOT_COLUMNS.contains(each.upper())) : each.isSymbol(".");
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
