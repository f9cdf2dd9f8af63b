package dev.doppel.server.sql.parse;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

/** A position in a statement's tokens, with the checks a recursive-descent parser makes at each step. */
public final class TokenCursor {
    private final String sql;
    private final List<Token> tokens;
    private int position;

    TokenCursor(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    int position() {
        return position;
    }

    void reset(int position) {
        this.position = position;
    }

    boolean atEnd() {
        return position >= tokens.size();
    }

    Token peek() {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    Token peek(int ahead) {
        int at = position + ahead;
        return at >= 0 && at < tokens.size() ? tokens.get(at) : null;
    }

    Token next() {
        if (atEnd()) {
            throw error();
        }
        return tokens.get(position++);
    }

    boolean isWord(String word) {
        return isWord(0, word);
    }

    boolean isWord(int ahead, String word) {
        Token token = peek(ahead);
        return token != null && token.isWord(word);
    }

    boolean isSymbol(String symbol) {
        return isSymbol(0, symbol);
    }

    boolean isSymbol(int ahead, String symbol) {
        Token token = peek(ahead);
        return token != null && token.isSymbol(symbol);
    }

    /** Whether the current token is an identifier, quoted or not (false at the end). */
    boolean isIdentifier() {
        Token token = peek();
        return token != null && token.isIdentifier();
    }

    boolean isKind(Token.Kind kind) {
        Token token = peek();
        return token != null && token.kind() == kind;
    }

    /** Takes the word if it is next. */
    boolean acceptWord(String word) {
        if (isWord(word)) {
            position++;
            return true;
        }
        return false;
    }

    /** Takes the words if they are next, in this order; takes nothing otherwise. */
    boolean acceptWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!isWord(i, words[i])) {
                return false;
            }
        }
        position += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (isSymbol(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    void expectWord(String word) {
        if (!acceptWord(word)) {
            throw error();
        }
    }

    void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw error();
        }
    }

    /** The text of the tokens from {@code from} up to the current one, as written. */
    String textSince(int from) {
        if (from >= position) {
            return "";
        }
        if (sql == null) {
            StringBuilder out = new StringBuilder();
            for (int i = from; i < position; i++) {
                out.append(i > from ? " " : "").append(tokens.get(i).text());
            }
            return out.toString();
        }
        return sql.substring(tokens.get(from).start(), tokens.get(position - 1).end());
    }

    /** 1064 with {@code message}, near token {@code index}. */
    MySqlException error(String message, int index) {
        if (sql == null) {
            return Lexer.syntaxError(message, "", 0);
        }
        return Lexer.syntaxError(message, sql, index >= tokens.size() ? sql.length() : tokens.get(index).start());
    }

    /** MySQL's 1064 at the current token, or at the end of the text. */
    MySqlException error() {
        if (sql == null) {
            // tokens without their text (a statement checked again after its first parse): the tokens from here on
            StringBuilder rest = new StringBuilder();
            for (int i = position; i < tokens.size(); i++) {
                rest.append(i > position ? " " : "").append(tokens.get(i).text());
            }
            return Lexer.syntaxError(rest.toString(), 0);
        }
        return Lexer.syntaxError(sql, atEnd() ? sql.length() : tokens.get(position).start());
    }
}
