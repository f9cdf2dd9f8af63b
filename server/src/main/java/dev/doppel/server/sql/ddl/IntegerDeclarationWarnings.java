package dev.doppel.server.sql.ddl;

import dev.doppel.server.catalog.UnsignedType;
import dev.doppel.server.sql.lex.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The 1681 warnings 8.4 gives for an integer column's declaration in CREATE/ALTER TABLE: one for ZEROFILL, then one
 * for a display width ({@code INT(11)}, {@code TINYINT(1)} too; BOOL has none). Old dumps are full of both.
 */
public final class IntegerDeclarationWarnings {
    public static final String ZEROFILL = "The ZEROFILL attribute is deprecated and will be removed in a future"
            + " release. Use the LPAD function to zero-pad numbers, or store the formatted numbers in a CHAR column.";
    static final String WIDTH = "Integer display width is deprecated and will be removed in a future release.";

    private IntegerDeclarationWarnings() {
    }

    /** The warnings for the integer type declared at {@code index} (after a column name), in 8.4's order. */
    public static List<String> at(List<Token> tokens, int index) {
        if (index == 0 || !tokens.get(index - 1).isIdentifier() || tokens.get(index - 1).isWord("AS")
                || UnsignedType.ofWord(tokens.get(index).text()) == null
                || !UnsignedDeclaration.isTableDefinition(tokens)) {
            return List.of();
        }
        int next = index + 1;
        boolean width = next + 2 < tokens.size() && tokens.get(next).isSymbol("(")
                && tokens.get(next + 1).kind() == Token.Kind.NUMBER && tokens.get(next + 2).isSymbol(")");
        if (width) {
            next += 3;
        }
        boolean zerofill = false;
        for (; next < tokens.size(); next++) {
            Token each = tokens.get(next);
            if (each.isWord("ZEROFILL")) {
                zerofill = true;
            } else if (!each.isWord("UNSIGNED") && !each.isWord("SIGNED")) {
                break;
            }
        }
        List<String> result = new ArrayList<>(2);
        if (zerofill) {
            result.add(ZEROFILL);
        }
        if (width) {
            result.add(WIDTH);
        }
        return result;
    }
}
