package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.parse.Keywords;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * A select-list alias written as a string ({@code SELECT name AS 'N'}, {@code COUNT(*) "total"}), which MySQL takes
 * and the engine refuses: it becomes a quoted identifier. Only the select lists are looked at, and a string counts
 * as an alias after AS, or right after the end of an expression where the item ends ({@code ,}, FROM, the end);
 * two strings in a row stay MySQL's concatenation, and {@code DATE '...'}, {@code TIME '...'},
 * {@code TIMESTAMP '...'}, {@code N'...'} and charset introducers stay literals.
 */
public final class StringAliases implements StatementRewrite {
    private static final Set<String> LITERAL_PREFIXES = Set.of("DATE", "TIME", "TIMESTAMP");
    private static final Set<String> LIST_ENDS = Set.of("FROM", "INTO", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT",
            "UNION", "EXCEPT", "INTERSECT", "WINDOW", "FOR", "LOCK");

    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        if (tokens.stream().noneMatch(each -> each.kind() == Token.Kind.STRING)) {
            return statement;
        }
        TextEdits edits = new TextEdits();
        // per parenthesis depth: whether that level is inside a select list now
        Deque<Boolean> selectList = new ArrayDeque<>();
        selectList.push(false);
        for (int i = 0; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isSymbol("(")) {
                selectList.push(false);
            } else if (each.isSymbol(")")) {
                if (selectList.size() > 1) {
                    selectList.pop();
                }
            } else if (each.isWord("SELECT")) {
                selectList.pop();
                selectList.push(true);
            } else if (each.kind() == Token.Kind.WORD && LIST_ENDS.contains(each.upper())) {
                selectList.pop();
                selectList.push(false);
            } else if (selectList.peek() && each.kind() == Token.Kind.STRING && isAlias(tokens, i)) {
                edits.replace(each, "`" + each.text().replace("`", "``") + "`");
            }
        }
        return edits.isEmpty() ? statement : edits.applyTo(statement);
    }

    private static boolean isAlias(List<Token> tokens, int index) {
        Token previous = tokens.get(index - 1);
        if (previous.isWord("AS")) {
            return true;
        }
        boolean itemEnds = index + 1 == tokens.size() || tokens.get(index + 1).isSymbol(",")
                || tokens.get(index + 1).isSymbol(")") || tokens.get(index + 1).isSymbol(";")
                || tokens.get(index + 1).kind() == Token.Kind.WORD && LIST_ENDS.contains(tokens.get(index + 1).upper());
        boolean expressionEnds = previous.isSymbol(")") || previous.kind() == Token.Kind.NUMBER
                || previous.kind() == Token.Kind.QUOTED_IDENTIFIER
                || previous.kind() == Token.Kind.WORD && !Keywords.isReserved(previous)
                && !LITERAL_PREFIXES.contains(previous.upper()) && !previous.text().startsWith("_")
                // N'..', X'..', B'..', _charset'..': one literal, written without a space
                && previous.end() != tokens.get(index).start();
        return itemEnds && expressionEnds;
    }
}
