package dev.doppel.server.sql.ddl;

import dev.doppel.server.catalog.UnsignedType;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/**
 * An integer type declared UNSIGNED (or ZEROFILL, which implies it) in CREATE/ALTER TABLE, which the engine
 * lacks: the declaration, display width and attributes included, becomes the type's domain
 * ({@link UnsignedType#domain()}). {@code last} is the index of the declaration's last token.
 */
public record UnsignedDeclaration(UnsignedType type, int last) {

    /** The declaration starting at {@code index}, or null when there is none there (signed types included). */
    public static UnsignedDeclaration at(List<Token> tokens, int index) {
        if (!isTableDefinition(tokens) || (index > 0 && tokens.get(index - 1).isSymbol("."))) {
            return null;
        }
        UnsignedType type = UnsignedType.ofWord(tokens.get(index).text());
        if (type == null) {
            return null;
        }
        int next = index + 1;
        if (next + 2 < tokens.size() && tokens.get(next).isSymbol("(") && tokens.get(next + 2).isSymbol(")")) {
            next += 3;
        }
        boolean unsigned = false;
        int last = -1;
        for (; next < tokens.size(); next++) {
            Token each = tokens.get(next);
            if (each.isWord("UNSIGNED") || each.isWord("ZEROFILL")) {
                unsigned = true;
            } else if (!each.isWord("SIGNED")) {
                break;
            }
            last = next;
        }
        return unsigned ? new UnsignedDeclaration(type, last) : null;
    }

    static boolean isTableDefinition(List<Token> tokens) {
        if (tokens.size() < 3 || !(tokens.get(0).isWord("CREATE") || tokens.get(0).isWord("ALTER"))) {
            return false;
        }
        return tokens.get(1).isWord("TABLE") || (tokens.get(1).isWord("TEMPORARY") && tokens.get(2).isWord("TABLE"));
    }
}
