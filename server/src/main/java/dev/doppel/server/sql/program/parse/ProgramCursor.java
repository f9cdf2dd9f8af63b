package dev.doppel.server.sql.program.parse;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Set;

/** A position in a stored program's tokens, and the reading steps the program grammar is made of. */
public abstract class ProgramCursor {
    protected final String sql;
    protected final List<Token> tokens;
    protected final int end;
    protected int pos;

    ProgramCursor(String sql, List<Token> tokens, int from, int to) {
        this.sql = sql;
        this.tokens = tokens;
        this.pos = from;
        this.end = to;
    }

    /** An expression up to one of {@code stops} (or a semicolon) outside parentheses and CASE ... END. */
    protected SqlText expressionUntil(Set<String> stops) {
        int start = pos;
        int depth = 0;
        int cases = 0;
        while (pos < end) {
            Token token = tokens.get(pos);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && token.isSymbol(";")) {
                break;
            } else if (depth == 0 && token.isSymbol(",") && stops.isEmpty() && cases == 0) {
                break;
            } else if (token.isWord("CASE")) {
                cases++;
            } else if (token.isWord("END") && cases > 0) {
                cases--;
            } else if (depth == 0 && cases == 0 && token.kind() == Token.Kind.WORD && stops.contains(token.upper())) {
                break;
            }
            pos++;
        }
        if (pos == start) {
            throw syntaxError();
        }
        return SqlText.slice(sql, tokens.subList(start, pos));
    }

    protected int semicolon() {
        int depth = 0;
        for (int i = pos; i < end; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isSymbol(";")) {
                return i;
            }
        }
        return end;
    }

    protected SqlText sqlUntilSemicolon() {
        int stop = semicolon();
        if (stop == pos) {
            throw syntaxError();
        }
        SqlText statement = SqlText.slice(sql, tokens.subList(pos, stop));
        pos = stop;
        return statement;
    }

    protected String name() {
        Token token = peek();
        if (token == null || !token.isIdentifier()) {
            throw syntaxError();
        }
        pos++;
        return token.text();
    }

    protected Token peek() {
        return pos < end ? tokens.get(pos) : null;
    }

    protected boolean peekWord(String word) {
        return pos < end && tokens.get(pos).isWord(word);
    }

    protected boolean acceptWord(String word) {
        if (peekWord(word)) {
            pos++;
            return true;
        }
        return false;
    }

    protected boolean acceptSymbol(String symbol) {
        if (pos < end && tokens.get(pos).isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    protected void expect(String word) {
        if (!acceptWord(word)) {
            throw syntaxError();
        }
    }

    protected void expectSymbol(String symbol) {
        if (!acceptSymbol(symbol)) {
            throw syntaxError();
        }
    }

    protected void expectSemicolon() {
        if (!acceptSymbol(";")) {
            throw syntaxError();
        }
    }

    protected RuntimeException syntaxError() {
        return Lexer.syntaxError(sql, pos < tokens.size() ? tokens.get(pos).start() : sql.length());
    }
}
