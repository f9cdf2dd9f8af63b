package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.AggregateFunctions;
import dev.doppel.server.sql.translate.StatementRewrite;

import java.util.List;
import java.util.Set;

/**
 * A SELECT whose WHERE holds {@code MATCH ... AGAINST} returns its rows most relevant first in MySQL, as InnoDB's
 * full-text index hands them out, when nothing else orders them: the statement gets {@code ORDER BY <that MATCH>
 * DESC} (before its LIMIT). Not with ORDER BY, GROUP BY, DISTINCT, an aggregate, UNION or a locking clause, nor when
 * AGAINST has a parameter (it would be bound twice).
 */
public final class MatchRelevanceOrder implements StatementRewrite {
    private static final Set<String> OWN_ORDER = Set.of("ORDER", "GROUP", "DISTINCT", "DISTINCTROW", "UNION",
            "EXCEPT", "INTERSECT", "FOR", "LOCK", "INTO", "HAVING", "WINDOW");

    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        if (!statement.startsWith("SELECT") || !hasMatch(tokens)) {
            return statement;
        }
        int where = -1;
        int limit = -1;
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                depth--;
            } else if (each.kind() == Token.Kind.PARAMETER || AggregateFunctions.isCall(tokens, i)
                    || each.kind() == Token.Kind.WORD && OWN_ORDER.contains(each.upper())) {
                return statement;
            } else if (depth == 0 && each.isWord("WHERE")) {
                where = i;
            } else if (depth == 0 && each.isWord("LIMIT")) {
                limit = i;
            }
        }
        if (where < 0) {
            return statement;
        }
        int whereEnd = limit >= 0 ? limit : tokens.size();
        for (int i = where + 1; i + 1 < whereEnd; i++) {
            if (tokens.get(i).isWord("MATCH") && tokens.get(i + 1).isSymbol("(")) {
                int close = TokenRanges.closing(tokens, i + 1);
                if (close < 0 || close + 2 >= whereEnd || !tokens.get(close + 1).isWord("AGAINST")) {
                    return statement;
                }
                int end = TokenRanges.closing(tokens, close + 2);
                if (end < 0) {
                    return statement;
                }
                String match = statement.sql().substring(tokens.get(i).start(), tokens.get(end).end());
                TextEdits edits = new TextEdits();
                if (limit >= 0) {
                    edits.insertBefore(tokens.get(limit), "ORDER BY " + match + " DESC ");
                } else {
                    int last = tokens.size() - 1;
                    edits.insertAfter(tokens.get(tokens.get(last).isSymbol(";") && last > 0 ? last - 1 : last),
                            " ORDER BY " + match + " DESC");
                }
                return edits.applyTo(statement);
            }
        }
        return statement;
    }

    /** Whether a MATCH call stands anywhere: most SELECTs have none, and need no further look. */
    private static boolean hasMatch(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("MATCH") && tokens.get(i + 1).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }
}
