package dev.doppel.server.sql.translate;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.FulltextIndexes;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code MATCH (col, ...) AGAINST (expr [IN NATURAL LANGUAGE MODE | IN BOOLEAN MODE | WITH QUERY EXPANSION])} as the
 * engine's {@code MYSQL_MATCH(schema, table, columns, mode, CONCAT_WS(CHAR(10), col, ...), expr)}
 * (engine.fulltext.FulltextSearch). The columns must be those of one FULLTEXT index of their table, in any order
 * (1191 otherwise, in boolean mode too, as InnoDB wants); AGAINST takes a constant, a parameter or a variable, not a
 * column (1210).
 */
final class FulltextMatches {
    private FulltextMatches() {
    }

    static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        StatementColumns columns = null;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("MATCH") || !tokens.get(i + 1).isSymbol("(")
                    || i > 0 && tokens.get(i - 1).isSymbol(".") || session == null) {
                continue;
            }
            int close = TokenRanges.closing(tokens, i + 1);
            if (close < 0 || close + 2 >= tokens.size() || !tokens.get(close + 1).isWord("AGAINST")
                    || !tokens.get(close + 2).isSymbol("(")) {
                continue;
            }
            int end = TokenRanges.closing(tokens, close + 2);
            if (end < 0) {
                continue;
            }
            if (columns == null) {
                columns = new StatementColumns(statement.sql(), tokens, session);
            }
            rewrite(tokens, i, close, end, columns, edits, session);
            i = end;
        }
    }

    private static void rewrite(List<Token> tokens, int match, int close, int end, StatementColumns columns,
                                EngineEdits edits, Session session) {
        String schema = null;
        String table = null;
        List<String> names = new ArrayList<>();
        for (int[] range : TokenRanges.rangesBetweenCommas(tokens, match + 2, close)) {
            StatementColumns.Resolved column = columns.resolve(range[0], range[1]);
            if (column == null || schema != null && !(schema.equalsIgnoreCase(column.database())
                    && table.equalsIgnoreCase(column.table()))) {
                throw MySqlError.ER_FT_MATCHING_KEY_NOT_FOUND.exception();
            }
            schema = column.database();
            table = column.table();
            names.add(column.column());
        }
        FulltextIndexes.Index index = index(session, schema, table, names);
        int modeStart = modeStart(tokens, close + 3, end);
        String mode = mode(tokens, modeStart, end);
        for (int i = close + 3; i < modeStart; i++) {
            Token each = tokens.get(i);
            if (each.isIdentifier() && !(i + 1 < modeStart && tokens.get(i + 1).isSymbol("("))) {
                throw MySqlError.ER_WRONG_ARGUMENTS.exception("AGAINST");
            }
        }
        edits.replaced().put(match, "PUBLIC.MYSQL_MATCH");
        // the engine's CONCAT_WS wants two values at least
        boolean several = names.size() > 1;
        edits.before().merge(match + 2, literal(schema) + ", " + literal(table) + ", "
                + literal(String.join(",", index.columns())) + ", " + literal(mode) + ", "
                + (several ? "CONCAT_WS(CHAR(10), " : ""), (existing, added) -> added + existing);
        edits.replaced().put(close, several ? "), " : ", ");
        edits.replaced().put(close + 1, "");
        edits.replaced().put(close + 2, "");
        for (int i = modeStart; i < end; i++) {
            edits.replaced().put(i, "");
        }
    }

    private static FulltextIndexes.Index index(Session session, String schema, String table, List<String> names) {
        try {
            for (FulltextIndexes.Index each : FulltextIndexes.of(session.engineConnection(), schema, table)) {
                if (each.covers(names)) {
                    // in MATCH's order: the counts are read from the columns in the order each row's text is
                    return new FulltextIndexes.Index(each.name(), names);
                }
            }
        } catch (SQLException e) {
            throw MySqlError.ER_FT_MATCHING_KEY_NOT_FOUND.exception();
        }
        throw MySqlError.ER_FT_MATCHING_KEY_NOT_FOUND.exception();
    }

    /** Where the search modifier starts inside AGAINST's parentheses ({@code end} when there is none). */
    private static int modeStart(List<Token> tokens, int from, int end) {
        for (int i = from; i < end; i++) {
            if (tokens.get(i).isWord("IN") && i + 1 < end
                    && (tokens.get(i + 1).isWord("NATURAL") || tokens.get(i + 1).isWord("BOOLEAN"))
                    || tokens.get(i).isWord("WITH") && i + 1 < end && tokens.get(i + 1).isWord("QUERY")) {
                return i;
            }
        }
        return end;
    }

    private static String mode(List<Token> tokens, int from, int end) {
        boolean bool = false;
        boolean expansion = false;
        for (int i = from; i < end; i++) {
            bool |= tokens.get(i).isWord("BOOLEAN");
            expansion |= tokens.get(i).isWord("EXPANSION");
        }
        return bool ? "BOOLEAN" : expansion ? "EXPANSION" : "NATURAL";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
