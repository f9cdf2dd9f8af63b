package dev.doppel.server.sql.ddl;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A FLOAT, DOUBLE, REAL or DECIMAL column type in CREATE/ALTER TABLE written in one of the forms 8.4 deprecates and
 * the engine rejects: digits on a floating-point type ({@code FLOAT(7,2)}, {@code DOUBLE PRECISION(10,3)}) and
 * UNSIGNED or ZEROFILL on any of them. The engine gets the type without them; the declared type stays in the column
 * type registry, so SHOW CREATE TABLE and information_schema show it as written. {@code last} is the index of the
 * declaration's last token, {@code warnings} the texts of MySQL's 1681 warnings for it.
 */
public record FractionalDeclaration(String engineType, int last, List<String> warnings) {
    private static final Set<String> FLOATING = Set.of("FLOAT", "DOUBLE", "REAL", "FLOAT4", "FLOAT8");
    private static final Set<String> FIXED = Set.of("DECIMAL", "DEC", "NUMERIC", "FIXED");
    static final String DIGITS_WARNING = "Specifying number of digits for floating point data types is deprecated"
            + " and will be removed in a future release.";
    static final String UNSIGNED_WARNING = "UNSIGNED for decimal and floating point data types is deprecated and"
            + " support for it will be removed in a future release.";

    /** The declaration whose type word is at {@code index}, or null when the type is written in a form the engine reads. */
    public static FractionalDeclaration at(List<Token> tokens, int index) {
        Token word = tokens.get(index);
        boolean floating = FLOATING.contains(word.upper());
        if (!(floating || FIXED.contains(word.upper())) || index == 0 || !tokens.get(index - 1).isIdentifier()
                || !UnsignedDeclaration.isTableDefinition(tokens)) {
            return null;
        }
        StringBuilder engineType = new StringBuilder(word.text());
        int next = index + 1;
        if (word.isWord("DOUBLE") && next < tokens.size() && tokens.get(next).isWord("PRECISION")) {
            engineType.append(" PRECISION");
            next++;
        }
        List<String> warnings = new ArrayList<>();
        if (next < tokens.size() && tokens.get(next).isSymbol("(")) {
            int close = TokenRanges.closing(tokens, next);
            if (close < 0) {
                return null;
            }
            boolean digits = close - next == 4 && tokens.get(next + 2).isSymbol(",");
            if (floating && digits) {
                warnings.add(DIGITS_WARNING);
            } else {
                for (int i = next; i <= close; i++) {
                    engineType.append(tokens.get(i).text());
                }
            }
            next = close + 1;
        }
        boolean unsigned = false;
        boolean zerofill = false;
        for (; next < tokens.size() && tokens.get(next).kind() == Token.Kind.WORD; next++) {
            Token each = tokens.get(next);
            if (each.isWord("UNSIGNED")) {
                unsigned = true;
            } else if (each.isWord("ZEROFILL")) {
                zerofill = true;
            } else if (!each.isWord("SIGNED")) {
                break;
            }
        }
        // ZEROFILL implies UNSIGNED without the warning (WL#12391), and has its own, first
        if (unsigned && !zerofill) {
            warnings.add(UNSIGNED_WARNING);
        }
        if (zerofill) {
            warnings.add(0, IntegerDeclarationWarnings.ZEROFILL);
        }
        if (warnings.isEmpty() && !zerofill) {
            return null;
        }
        return new FractionalDeclaration(engineType.toString(), next - 1, warnings);
    }
}
