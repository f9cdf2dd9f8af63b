package dev.doppel.server.sql.program.parse;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.QualifiedName;

import java.util.List;

/**
 * The object of {@code DROP TRIGGER | EVENT [IF EXISTS] [schema.]name}: 1064 for anything after the name, 1046 when
 * no schema is named and none is in use.
 */
public record DropTarget(boolean ifExists, String schema, String name) {

    public static DropTarget parse(String sql, List<Token> tokens, String currentSchema) {
        int i = 2;
        boolean ifExists = false;
        if (i + 1 < tokens.size() && tokens.get(i).isWord("IF") && tokens.get(i + 1).isWord("EXISTS")) {
            ifExists = true;
            i += 2;
        }
        if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            throw Lexer.syntaxError(sql, i < tokens.size() ? tokens.get(i).start() : sql.length());
        }
        QualifiedName name = QualifiedName.at(tokens, i);
        if (name.next() < tokens.size()) {
            throw Lexer.syntaxError(sql, tokens.get(name.next()).start());
        }
        String schema = name.qualifierOr(currentSchema);
        if (schema == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        return new DropTarget(ifExists, schema, name.name());
    }
}
