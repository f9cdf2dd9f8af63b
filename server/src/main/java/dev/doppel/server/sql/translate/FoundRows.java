package dev.doppel.server.sql.translate;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
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

    /** 8.4 deprecates both, with warning 1287 for each use. */
    public static void warnModifier(Session session) {
        session.addWarning("Warning", 1287, "SQL_CALC_FOUND_ROWS is deprecated and will be removed in a future"
                + " release. Consider using two separate queries instead.");
    }

    public static void warnFunction(Session session) {
        session.addWarning("Warning", 1287, "FOUND_ROWS() is deprecated and will be removed in a future release."
                + " Consider using COUNT(*) instead.");
    }

    /** The SELECT without SQL_CALC_FOUND_ROWS, or null when it has none. */
    public static SqlText withoutModifier(SqlText statement) {
        List<Token> tokens = statement.tokens();
        if (!statement.startsWith("SELECT")) {
            return null;
        }
        for (int i = 1; i < tokens.size() && i < 8; i++) {
            Token each = tokens.get(i);
            if (each.isWord("SQL_CALC_FOUND_ROWS")) {
                TextEdits edits = new TextEdits();
                edits.replace(each, "");
                return edits.applyTo(statement);
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
        String engineSql = EnginePipeline.engineSql(SqlText.of(counting), session);
        try (Statement statement = session.engineConnection().createStatement();
             ResultSet rows = statement.executeQuery(engineSql)) {
            return rows.next() ? rows.getLong(1) : sent;
        } catch (SQLException e) {
            // e.g. a select list with two columns of one name, which a derived table refuses
            return sent;
        }
    }
}
