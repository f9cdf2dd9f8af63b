package dev.doppel.server.sql.lex;

import java.util.List;

/**
 * Where a stored program's body ends: the semicolons inside BEGIN ... END, IF ... END IF, CASE ... END CASE and the
 * loops belong to the CREATE PROCEDURE, FUNCTION, TRIGGER or EVENT that holds them, as MySQL's parser reads them (the
 * mysql client's DELIMITER sends the whole definition as one statement).
 */
final class CompoundStatements {
    private static final int HEADER_WORDS = 12;

    private CompoundStatements() {
    }

    /** Whether the statement begun so far defines a stored program, whose body may hold semicolons. */
    static boolean definesProgram(List<Token> statement) {
        if (statement.isEmpty() || !(statement.get(0).isWord("CREATE") || statement.get(0).isWord("ALTER"))) {
            return false;
        }
        for (int i = 1; i < Math.min(HEADER_WORDS, statement.size()); i++) {
            Token each = statement.get(i);
            if (each.isWord("PROCEDURE") || each.isWord("FUNCTION") || each.isWord("TRIGGER") || each.isWord("EVENT")) {
                return true;
            }
            if (each.isSymbol("(")) {
                return false;
            }
        }
        return false;
    }

    /** How {@code tokens[index]} changes the nesting of compound statements (+1 opens, -1 closes, 0 neither). */
    static int depthChange(List<Token> tokens, int index) {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.WORD) {
            return 0;
        }
        Token before = index > 0 ? tokens.get(index - 1) : null;
        Token after = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        boolean afterEnd = before != null && before.isWord("END");
        return switch (token.upper()) {
            case "BEGIN", "CASE", "LOOP", "WHILE" -> afterEnd ? 0 : 1;
            case "REPEAT" -> afterEnd || after != null && after.isSymbol("(") ? 0 : 1;
            case "IF" -> !afterEnd && startsStatement(before) ? 1 : 0;
            case "END" -> -1;
            default -> 0;
        };
    }

    /** Whether a statement of a body starts after {@code before}: an IF there is the IF statement, not IF(). */
    private static boolean startsStatement(Token before) {
        if (before == null) {
            return false;
        }
        return before.isSymbol(";") || before.isSymbol(":") || before.isSymbol(")") || before.isWord("BEGIN")
                || before.isWord("THEN") || before.isWord("ELSE") || before.isWord("DO") || before.isWord("LOOP")
                || before.isWord("REPEAT");
    }
}
