package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.StatementRewrite;

import java.util.List;

/**
 * {@code COUNT(DISTINCT a, b)}: MySQL counts the distinct combinations in which no value is NULL; the engine takes
 * one argument (1064). It becomes {@code COUNT(DISTINCT (a, b)) FILTER (WHERE (a) IS NOT NULL AND (b) IS NOT NULL)},
 * the engine's row value and aggregate filter.
 */
public final class CountDistinctLists implements StatementRewrite {
    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        String sql = statement.sql();
        TextEdits edits = null;
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("COUNT") || !tokens.get(i + 1).isSymbol("(") || !tokens.get(i + 2).isWord("DISTINCT")
                    || i > 0 && tokens.get(i - 1).isSymbol(".")) {
                continue;
            }
            int close = TokenRanges.closing(tokens, i + 1);
            if (close < 0) {
                continue;
            }
            List<int[]> items = TokenRanges.rangesBetweenCommas(tokens, i + 3, close);
            if (items.size() < 2) {
                continue;
            }
            StringBuilder filter = new StringBuilder(" FILTER (WHERE ");
            for (int k = 0; k < items.size(); k++) {
                int[] item = items.get(k);
                filter.append(k > 0 ? " AND (" : "(")
                        .append(sql, tokens.get(item[0]).start(), tokens.get(item[1] - 1).end()).append(") IS NOT NULL");
            }
            edits = edits == null ? new TextEdits() : edits;
            edits.insertBefore(tokens.get(i + 3), "(");
            edits.insertAfter(tokens.get(close - 1), ")");
            edits.insertAfter(tokens.get(close), filter.append(')').toString());
            i = close;
        }
        return edits == null ? statement : edits.applyTo(statement);
    }
}
