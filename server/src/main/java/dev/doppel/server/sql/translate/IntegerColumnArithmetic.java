package dev.doppel.server.sql.translate;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Set;

/**
 * MySQL adds, subtracts and multiplies integers in BIGINT, whatever their columns' types; the engine computes INT by
 * INT in INT and failed past its range ({@code i * 2} with i = 2147483647: 1105). So a column of a narrower integer
 * type ({@link StatementColumns.Kind#NARROW_INTEGER}) that is an operand of a binary {@code +}, {@code -} or
 * {@code *} in a query or DML statement becomes {@code CAST(column AS BIGINT)}; the result's type is then BIGINT, as
 * MySQL's is. An operand of a division is left to {@link Division}, which computes in DECIMAL.
 */
final class IntegerColumnArithmetic {
    private static final Set<String> STATEMENTS = Set.of("SELECT", "WITH", "INSERT", "REPLACE", "UPDATE", "DELETE");

    private IntegerColumnArithmetic() {
    }

    static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        if (session == null || tokens.isEmpty() || !STATEMENTS.contains(tokens.get(0).upper())) {
            return;
        }
        StatementColumns columns = null;
        int wrappedUntil = -1;
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (!isBinaryArithmetic(tokens, i)) {
                continue;
            }
            int leftStart = ColumnLiteralComparisons.columnStart(tokens, i);
            int rightEnd = ColumnLiteralComparisons.columnEnd(tokens, i + 1);
            if (leftStart < 0 && rightEnd < 0) {
                continue;
            }
            if (columns == null) {
                columns = new StatementColumns(statement.sql(), tokens, session);
            }
            if (leftStart > wrappedUntil && !EngineSql.isDivision(tokens, leftStart - 1)
                    && columns.kindOf(leftStart, i) == StatementColumns.Kind.NARROW_INTEGER) {
                wrap(edits, leftStart, i - 1);
            }
            if (rightEnd > 0 && !EngineSql.isDivision(tokens, rightEnd)
                    && columns.kindOf(i + 1, rightEnd) == StatementColumns.Kind.NARROW_INTEGER) {
                wrap(edits, i + 1, rightEnd - 1);
                wrappedUntil = rightEnd - 1;
            }
        }
    }

    private static void wrap(EngineEdits edits, int first, int last) {
        edits.before().merge(first, "CAST(", (a, b) -> a + b);
        edits.after().merge(last, " AS BIGINT)", (a, b) -> b + a);
    }

    /** {@code +}, {@code -} or {@code *} at {@code i} between two operands (not a sign, not {@code SELECT *}). */
    private static boolean isBinaryArithmetic(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        if (!token.isSymbol("+") && !token.isSymbol("-") && !token.isSymbol("*")) {
            return false;
        }
        Token before = tokens.get(i - 1);
        Token after = tokens.get(i + 1);
        boolean operandBefore = before.isIdentifier() && !before.isWord("SELECT") && !before.isWord("DISTINCT")
                || before.kind() == Token.Kind.NUMBER || before.isSymbol(")")
                || before.kind() == Token.Kind.USER_VARIABLE || before.kind() == Token.Kind.PARAMETER;
        // t.* and COUNT(*) are no products
        return operandBefore && !before.isSymbol(".") && !after.isSymbol(")") && !after.isSymbol(",")
                && !tokens.get(i - 1).isSymbol("(");
    }
}
