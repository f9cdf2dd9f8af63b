package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * SELECT ... FOR SHARE and ... LOCK IN SHARE MODE become FOR UPDATE: the engine has no shared row locks, so the
 * rows are locked exclusively (a second such reader waits where MySQL lets it in).
 */
public final class SharedLocks implements StatementRewrite {
    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        TextEdits edits = new TextEdits();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.isWord("FOR") && tokens.get(i + 1).isWord("SHARE")) {
                edits.replace(each, tokens.get(i + 1), "FOR UPDATE");
                i++;
            } else if (each.isWord("LOCK") && i + 3 < tokens.size() && tokens.get(i + 1).isWord("IN")
                    && tokens.get(i + 2).isWord("SHARE") && tokens.get(i + 3).isWord("MODE")) {
                edits.replace(each, tokens.get(i + 3), "FOR UPDATE");
                i += 3;
            }
        }
        return edits.applyTo(statement);
    }
}
