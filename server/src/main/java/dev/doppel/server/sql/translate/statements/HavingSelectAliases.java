package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.AggregateFunctions;
import dev.doppel.server.sql.translate.StatementRewrite;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A name in the HAVING of a grouped SELECT: MySQL takes a select-list alias before a column of the FROM tables
 * ({@code SELECT SUM(a) AS a ... GROUP BY b HAVING a > 15} filters on the sum), except that a name GROUP BY groups by
 * as a column stays that column. The engine takes the column first, and failed on one it does not group by; and it
 * failed on an alias that GROUP BY and HAVING both name ({@code SELECT DATE(t) AS day ... GROUP BY day HAVING day >
 * ...}). So such a name, outside aggregate calls and subqueries, is replaced by its select item's expression. A
 * name GROUP BY names is taken for the alias unless the alias is an aggregate (which GROUP BY cannot name): this step
 * reads no catalog, so an alias that is also a column's name and is grouped by is read as the alias (a known
 * deviation, docs/testing.md).
 */
public final class HavingSelectAliases implements StatementRewrite {
    private static final Set<String> HAVING_ENDS = Set.of("WINDOW", "ORDER", "LIMIT", "FOR", "LOCK", "INTO", "UNION",
            "EXCEPT", "INTERSECT");
    private static final Set<String> GROUP_ENDS = Set.of("WITH", "HAVING", "WINDOW", "ORDER", "LIMIT", "FOR", "LOCK",
            "INTO", "UNION", "EXCEPT", "INTERSECT");

    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        if (!statement.startsWith("SELECT")) {
            return statement;
        }
        int size = tokens.size();
        int having = TokenRanges.firstTopLevel(tokens, 1, size, Set.of("HAVING"));
        int group = TokenRanges.firstTopLevel(tokens, 1, size, Set.of("GROUP"));
        int from = TokenRanges.firstTopLevel(tokens, 1, size, Set.of("FROM"));
        if (having >= size || group >= having || from >= group || group + 1 >= size
                || !tokens.get(group + 1).isWord("BY")) {
            return statement;
        }
        Map<String, String> aliases = HavingAliases.aliases(statement.sql(), tokens, from);
        if (aliases.isEmpty()) {
            return statement;
        }
        Set<String> grouped = new HashSet<>();
        int groupEnd = TokenRanges.firstTopLevel(tokens, group + 2, size, GROUP_ENDS);
        for (int[] item : TokenRanges.rangesBetweenCommas(tokens, group + 2, groupEnd)) {
            if (tokens.get(item[0]).isIdentifier()) {
                grouped.add(tokens.get(item[0]).text().toLowerCase(Locale.ROOT));
            }
        }
        int end = TokenRanges.firstTopLevel(tokens, having + 1, size, HAVING_ENDS);
        TextEdits edits = new TextEdits();
        boolean changed = false;
        for (int i = having + 1; i < end; i++) {
            Token each = tokens.get(i);
            if (each.isSymbol("(") && i + 1 < end && tokens.get(i + 1).isWord("SELECT")
                    || each.kind() == Token.Kind.WORD && AggregateFunctions.NAMES.contains(each.upper()) && i + 1 < end
                    && tokens.get(i + 1).isSymbol("(")) {
                int close = TokenRanges.closing(tokens, each.isSymbol("(") ? i : i + 1);
                if (close < 0) {
                    return statement;
                }
                i = close;
                continue;
            }
            String name = each.isIdentifier() ? each.text().toLowerCase(Locale.ROOT) : null;
            String expression = name == null ? null : aliases.get(name);
            if (expression != null && grouped.contains(name) && callsAggregate(expression)) {
                expression = null;
            }
            boolean qualified = tokens.get(i - 1).isSymbol(".") || i + 1 < size && tokens.get(i + 1).isSymbol(".");
            boolean call = i + 1 < size && tokens.get(i + 1).isSymbol("(");
            if (expression != null && !qualified && !call) {
                edits.replace(each, "(" + expression + ")");
                changed = true;
            }
        }
        return changed ? edits.applyTo(statement) : statement;
    }

    private static boolean callsAggregate(String expression) {
        List<Token> tokens = dev.doppel.server.sql.lex.Lexer.tokenize(expression);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).kind() == Token.Kind.WORD && AggregateFunctions.NAMES.contains(tokens.get(i).upper())
                    && tokens.get(i + 1).isSymbol("(")) {
                return true;
            }
        }
        return false;
    }
}
