package dev.doppel.server.sql.translate;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.QueryExecutor;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * SELECT SQL_CALC_FOUND_ROWS ... LIMIT n, then FOUND_ROWS(): the engine knows neither, so the modifier is taken out
 * and, after the rows are sent, the same SELECT without its LIMIT is counted. Without the modifier FOUND_ROWS() is
 * the number of rows the last SELECT sent (QueryExecutor records it).
 */
public final class FoundRows {
    private FoundRows() {
    }

    /** The SELECT without SQL_CALC_FOUND_ROWS, or null when it has none. */
    public static String withoutModifier(String sql, List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("SELECT")) {
            return null;
        }
        for (int i = 1; i < tokens.size() && i < 8; i++) {
            Token each = tokens.get(i);
            if (each.isWord("SQL_CALC_FOUND_ROWS")) {
                return sql.substring(0, each.start()) + sql.substring(each.end());
            }
        }
        return null;
    }

    /** The rows {@code sql} gives without its top-level LIMIT; {@code sent} when the engine cannot count them. */
    public static long count(Session session, String sql, List<Token> tokens, long sent) {
        int limit = TokenRanges.lastTopLevelWord(tokens, "LIMIT");
        if (limit < 0) {
            return sent;
        }
        String counting = "SELECT COUNT(*) FROM (" + sql.substring(0, tokens.get(limit).start()) + ") AS found_rows";
        List<Token> countingTokens = Lexer.tokenize(counting);
        String compatible = QueryCompat.rewrite(counting, countingTokens);
        String engineSql = EngineSql.rewrite(compatible, compatible.equals(counting) ? countingTokens
                : Lexer.tokenize(compatible), session);
        try (Statement statement = session.engineConnection().createStatement();
             ResultSet rows = statement.executeQuery(engineSql)) {
            return rows.next() ? rows.getLong(1) : sent;
        } catch (SQLException e) {
            // e.g. a select list with two columns of one name, which a derived table refuses
            return sent;
        }
    }
}
