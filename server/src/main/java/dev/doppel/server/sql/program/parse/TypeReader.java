package dev.doppel.server.sql.program.parse;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.List;
import java.util.Set;

/**
 * A data type in a stored program's text (a parameter's, RETURNS, DECLARE): its name, (length[, scale]), and the
 * words that may follow a type (UNSIGNED, CHARACTER SET x, COLLATE x, ...), and nothing more, so that the
 * characteristics and the body that come after it are left alone.
 */
public final class TypeReader {
    private static final Set<String> MODIFIERS = Set.of("UNSIGNED", "SIGNED", "ZEROFILL", "PRECISION", "VARYING",
            "BINARY", "ASCII", "UNICODE", "BYTE", "VARCHAR", "CHAR", "CHARACTER", "NCHAR");
    private static final Set<String> NAMED = Set.of("CHARSET", "COLLATE");

    private TypeReader() {
    }

    public static DeclaredType read(String sql, List<Token> tokens, int from, int to) {
        int end = end(tokens, from, to);
        if (end == from) {
            throw Lexer.syntaxError(sql, from < tokens.size() ? tokens.get(from).start() : sql.length());
        }
        Token word = tokens.get(from);
        int length = -1;
        int scale = 0;
        for (int i = from; i < end; i++) {
            if (tokens.get(i).isSymbol("(") && length < 0 && i + 1 < end
                    && tokens.get(i + 1).kind() == Token.Kind.NUMBER) {
                length = Integer.parseInt(tokens.get(i + 1).text());
                if (i + 3 < end && tokens.get(i + 2).isSymbol(",") && tokens.get(i + 3).kind() == Token.Kind.NUMBER) {
                    scale = Integer.parseInt(tokens.get(i + 3).text());
                }
            }
        }
        String text = sql.substring(word.start(), tokens.get(end - 1).end());
        return DeclaredType.of(text, word.text(), length, scale);
    }

    /** The index after the type that starts at {@code from}. */
    public static int end(List<Token> tokens, int from, int to) {
        if (from >= to || tokens.get(from).kind() != Token.Kind.WORD) {
            return from;
        }
        int i = from + 1;
        while (i < to) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                int close = TokenRanges.closing(tokens, i);
                if (close < 0 || close >= to) {
                    return i;
                }
                i = close + 1;
            } else if (token.kind() == Token.Kind.WORD && MODIFIERS.contains(token.upper())) {
                if (token.isWord("CHARACTER") && i + 2 < to && tokens.get(i + 1).isWord("SET")) {
                    i += 3;
                } else {
                    i++;
                }
            } else if (token.kind() == Token.Kind.WORD && NAMED.contains(token.upper()) && i + 1 < to) {
                i += 2;
            } else {
                return i;
            }
        }
        return i;
    }
}
