package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.StatementRewrite;

import java.util.List;
import java.util.Set;

/**
 * SELECT's optimizer modifiers ({@code HIGH_PRIORITY}, {@code STRAIGHT_JOIN}, {@code SQL_SMALL_RESULT},
 * {@code SQL_BIG_RESULT}, {@code SQL_BUFFER_RESULT}) and the join operator {@code t1 STRAIGHT_JOIN t2}: they only
 * steer MySQL's planner, and the engine read the modifiers as column names (1054). The modifiers go, DISTINCTROW is
 * DISTINCT, and STRAIGHT_JOIN between tables is JOIN. The others (DISTINCT, ALL, SQL_NO_CACHE, SQL_CALC_FOUND_ROWS)
 * stay for the steps that give them their meaning.
 */
public final class SelectModifiers implements StatementRewrite {
    private static final Set<String> DROPPED = Set.of("HIGH_PRIORITY", "STRAIGHT_JOIN", "SQL_SMALL_RESULT",
            "SQL_BIG_RESULT", "SQL_BUFFER_RESULT");
    private static final Set<String> KEPT = Set.of("ALL", "DISTINCT", "SQL_NO_CACHE", "SQL_CALC_FOUND_ROWS");

    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        TextEdits edits = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Token.Kind.WORD) {
                continue;
            }
            String replacement = null;
            if (token.isWord("SELECT")) {
                for (int j = i + 1; j < tokens.size() && tokens.get(j).kind() == Token.Kind.WORD; j++) {
                    Token modifier = tokens.get(j);
                    String word = modifier.upper();
                    if (DROPPED.contains(word) || word.equals("DISTINCTROW")) {
                        edits = edits == null ? new TextEdits() : edits;
                        edits.replace(modifier, word.equals("DISTINCTROW") ? "DISTINCT" : "");
                    } else if (!KEPT.contains(word)) {
                        break;
                    }
                    i = j;
                }
                continue;
            }
            if (token.isWord("STRAIGHT_JOIN")) {
                replacement = "JOIN";
            }
            if (replacement != null) {
                edits = edits == null ? new TextEdits() : edits;
                edits.replace(token, replacement);
            }
        }
        return edits == null || edits.isEmpty() ? statement : edits.applyTo(statement);
    }
}
