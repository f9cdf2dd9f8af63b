package dev.doppel.server.sql.translate.operators;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.Division;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.StatementColumns;

import java.math.BigDecimal;
import java.util.List;

/**
 * MySQL's remainder ({@code a % b}, {@code a MOD b}, {@code MOD(a, b)}) is a DECIMAL with the larger scale of its
 * operands; the engine's has the divisor's type, so {@code 10.5 % 3} was the integer 2 where MySQL gives 1.5. When
 * either operand is a DECIMAL (scales as {@link DecimalScale} works them out: literals, columns, sums and products of
 * them), both become DECIMALs of the larger scale, and the divisor of a FLOAT or DOUBLE dividend (a column, or a literal with an
 * exponent) a DOUBLE, as MySQL computes it. A divisor written as 0 becomes {@code PUBLIC.MYSQL_ZERO_DIVISOR()}: NULL with
 * warning 1365, as MySQL gives, where the engine fails.
 */
public final class ModuloTypes {
    private ModuloTypes() {
    }

    public static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        if (!hasRemainder(tokens)) {
            return;
        }
        StatementColumns[] columns = new StatementColumns[1];
        Operands scales = new Operands() {
            @Override
            public int scale(int from, int to) {
                StatementColumns.Resolved column = resolve(from, to);
                return column == null ? DecimalScale.UNKNOWN : column.columns().exactScale(column.column());
            }

            @Override
            public boolean approximate(int from, int to) {
                if (to == from + 1 && tokens.get(from).kind() == Token.Kind.NUMBER) {
                    return tokens.get(from).text().toUpperCase(java.util.Locale.ROOT).contains("E")
                            && !tokens.get(from).isHexOrBitNumber();
                }
                StatementColumns.Resolved column = resolve(from, to);
                return column != null && column.columns().isApproximate(column.column());
            }

            private StatementColumns.Resolved resolve(int from, int to) {
                if (session == null) {
                    return null;
                }
                if (columns[0] == null) {
                    columns[0] = new StatementColumns(statement.sql(), tokens, session);
                }
                return columns[0].resolve(from, to);
            }
        };
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("%") || token.isWord("MOD") && !tokens.get(i + 1).isSymbol("(")) {
                int left = Division.operandStart(tokens, i - 1);
                int right = Division.operandEnd(tokens, i + 1);
                if (left >= 0 && right >= 0) {
                    typed(tokens, left, i, i + 1, right + 1, edits, scales);
                }
            } else if (token.isWord("MOD") && tokens.get(i + 1).isSymbol("(") && !tokens.get(i - 1).isSymbol(".")) {
                int close = TokenRanges.closing(tokens, i + 1);
                List<Integer> commas = close < 0 ? List.of() : TokenRanges.commas(tokens, i + 2, close);
                if (commas.size() == 1) {
                    typed(tokens, i + 2, commas.get(0), commas.get(0) + 1, close, edits, scales);
                }
            }
        }
    }

    /** The remainder of [dividendFrom, dividendTo) by [divisorFrom, divisorTo), typed as MySQL's. */
    private static void typed(List<Token> tokens, int dividendFrom, int dividendTo, int divisorFrom, int divisorTo,
                              EngineEdits edits, Operands scales) {
        if (divisorTo == divisorFrom + 1 && isZero(tokens.get(divisorFrom))) {
            edits.replaced().put(divisorFrom, "PUBLIC.MYSQL_ZERO_DIVISOR()");
            return;
        }
        if (scales.approximate(dividendFrom, dividendTo) && !scales.approximate(divisorFrom, divisorTo)) {
            cast(edits, divisorFrom, divisorTo, "DOUBLE");
            return;
        }
        int dividend = scale(tokens, dividendFrom, dividendTo, scales);
        int divisor = scale(tokens, divisorFrom, divisorTo, scales);
        if (dividend >= 0 && divisor >= 0 && Math.max(dividend, divisor) > 0) {
            // both at the larger scale: the engine's remainder has the divisor's type and the dividend's digits
            String type = "DECIMAL(65, " + Math.max(dividend, divisor) + ")";
            cast(edits, dividendFrom, dividendTo, type);
            cast(edits, divisorFrom, divisorTo, type);
        }
    }

    private static void cast(EngineEdits edits, int from, int to, String type) {
        edits.before().merge(from, "CAST(", (existing, added) -> added + existing);
        edits.after().merge(to - 1, " AS " + type + ")", String::concat);
    }

    private static int scale(List<Token> tokens, int from, int to, DecimalScale.Columns scales) {
        DecimalScale.Result result = DecimalScale.of(tokens, from, to, scales);
        return result.end() == to ? result.scale() : DecimalScale.UNKNOWN;
    }

    /** What is known of an operand: its exact scale (DecimalScale's) and whether it is a FLOAT or DOUBLE. */
    private interface Operands extends DecimalScale.Columns {
        boolean approximate(int from, int to);
    }

    private static boolean isZero(Token token) {
        if (token.kind() != Token.Kind.NUMBER || token.isHexOrBitNumber()) {
            return false;
        }
        try {
            return new BigDecimal(token.text()).signum() == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean hasRemainder(List<Token> tokens) {
        for (Token each : tokens) {
            if (each.isSymbol("%") || each.isWord("MOD")) {
                return true;
            }
        }
        return false;
    }
}
