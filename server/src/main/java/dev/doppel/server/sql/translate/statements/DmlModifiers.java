package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Set;

/**
 * The scheduling modifiers of INSERT, REPLACE, UPDATE and DELETE ({@code LOW_PRIORITY}, {@code HIGH_PRIORITY},
 * {@code QUICK}): they only concern table-locking engines, InnoDB ignores them, and the engine refuses some of them
 * (INSERT LOW_PRIORITY was 1064, UPDATE LOW_PRIORITY t read LOW_PRIORITY as the table). They are dropped; IGNORE and
 * DELAYED stay for the steps that give them their meaning.
 */
public final class DmlModifiers implements StatementRewrite {
    private static final Set<String> VERBS = Set.of("INSERT", "REPLACE", "UPDATE", "DELETE");
    private static final Set<String> DROPPED = Set.of("LOW_PRIORITY", "HIGH_PRIORITY", "QUICK");
    private static final Set<String> KEPT = Set.of("IGNORE", "DELAYED");

    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        if (tokens.size() < 2 || tokens.get(0).kind() != Token.Kind.WORD || !VERBS.contains(tokens.get(0).upper())) {
            return statement;
        }
        TextEdits edits = new TextEdits();
        for (int i = 1; i < tokens.size() && tokens.get(i).kind() == Token.Kind.WORD; i++) {
            String word = tokens.get(i).upper();
            if (DROPPED.contains(word)) {
                edits.replace(tokens.get(i), "");
            } else if (!KEPT.contains(word)) {
                break;
            }
        }
        return edits.isEmpty() ? statement : edits.applyTo(statement);
    }
}
