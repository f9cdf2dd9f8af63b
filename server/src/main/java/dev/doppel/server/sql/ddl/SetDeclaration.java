package dev.doppel.server.sql.ddl;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.CaseInsensitiveText;

import java.util.List;

/**
 * A {@code SET('a', 'b', ...)} column type in CREATE/ALTER TABLE, which the engine lacks: the engine keeps the value as
 * text ({@code VARCHAR_IGNORECASE(n)}, compared without case as MySQL's default collation compares, long enough for a
 * value as written, members repeated), and engine.columns.SetColumns stores what is written as MySQL does (members in the
 * definition's order, each once). The server's column type registry keeps the members for SHOW CREATE TABLE and the
 * trigger. {@code last} is the index of the declaration's last token.
 */
public record SetDeclaration(String engineType, int last) {
    /** MySQL's longest VARCHAR in utf8mb4; under the TEXT types' lengths (sql.translate.CaseInsensitiveText). */
    private static final int WRITTEN_LENGTH = 16383;

    /** The declaration starting at {@code index}, or null when there is none there. */
    public static SetDeclaration at(List<Token> tokens, int index) {
        if (!tokens.get(index).isWord("SET") || index + 1 >= tokens.size() || !tokens.get(index + 1).isSymbol("(")
                || !UnsignedDeclaration.isTableDefinition(tokens) || !CaseInsensitiveText.isColumnType(tokens, index)) {
            return null;
        }
        int close = TokenRanges.closing(tokens, index + 1);
        if (close < 0) {
            return null;
        }
        int length = 0;
        int members = 0;
        for (int i = index + 2; i < close; i++) {
            if (tokens.get(i).kind() == Token.Kind.STRING) {
                length += tokens.get(i).text().length();
                members++;
            }
        }
        // room for what is written before the trigger stores it ('b,a,b' is 'a,b'): the engine checks the length first
        return new SetDeclaration("VARCHAR_IGNORECASE(" + Math.max(WRITTEN_LENGTH, length + members - 1) + ")", close);
    }
}
