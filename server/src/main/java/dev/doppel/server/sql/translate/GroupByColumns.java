package dev.doppel.server.sql.translate;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A GROUP BY name that is both a select-list alias and a column of the FROM tables: MySQL groups by the column (it
 * looks in FROM before the select list for GROUP BY), the engine by the alias. The name gets its table's qualifier,
 * so the engine reads the column too. Only the top-level SELECT's GROUP BY; a name that is only an alias stays one.
 */
final class GroupByColumns {
    private static final Set<String> GROUP_ENDS = Set.of("HAVING", "WINDOW", "ORDER", "LIMIT", "UNION", "EXCEPT",
            "INTERSECT", "FOR", "LOCK", "INTO");

    private GroupByColumns() {
    }

    static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        if (session == null || tokens.isEmpty() || !tokens.get(0).isWord("SELECT")) {
            return;
        }
        int group = TokenRanges.firstTopLevel(tokens, 1, tokens.size(), Set.of("GROUP"));
        if (group < 0 || group + 1 >= tokens.size() || !tokens.get(group + 1).isWord("BY")) {
            return;
        }
        int from = TokenRanges.firstTopLevel(tokens, 1, group, Set.of("FROM"));
        if (from < 0) {
            return;
        }
        Set<String> aliases = aliases(tokens, from);
        if (aliases.isEmpty()) {
            return;
        }
        int end = TokenRanges.firstTopLevel(tokens, group + 2, tokens.size(), GROUP_ENDS);
        end = end < 0 ? tokens.size() : end;
        StatementColumns columns = null;
        for (int[] item : TokenRanges.rangesBetweenCommas(tokens, group + 2, end)) {
            int last = item[1];
            if (last - item[0] == 2 && (tokens.get(last - 1).isWord("ASC") || tokens.get(last - 1).isWord("DESC"))) {
                last--;
            }
            Token name = tokens.get(item[0]);
            if (last - item[0] != 1 || !name.isIdentifier() || !aliases.contains(name.text().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (columns == null) {
                columns = new StatementColumns(statement.sql(), tokens, session);
            }
            String qualifier = columns.qualifierOf(name.text());
            if (qualifier != null) {
                edits.before().put(item[0], qualifier + ".");
            }
        }
    }

    /** The select list's aliases, AS name or name after an operand, in lower case. */
    private static Set<String> aliases(List<Token> tokens, int from) {
        Set<String> result = new HashSet<>();
        for (int[] item : TokenRanges.rangesBetweenCommas(tokens, 1, from)) {
            int size = item[1] - item[0];
            if (size < 2) {
                continue;
            }
            Token last = tokens.get(item[1] - 1);
            Token before = tokens.get(item[1] - 2);
            if (last.isIdentifier() && (before.isWord("AS") || before.isIdentifier() && !before.isWord("DISTINCT")
                    || before.isSymbol(")") || before.kind() == Token.Kind.NUMBER)) {
                result.add(last.text().toLowerCase(Locale.ROOT));
            }
        }
        return result;
    }
}
