package dev.doppel.server.sql.translate.statements;

import dev.doppel.server.sql.translate.StatementRewrite;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MySQL's bit operators, which the engine lacks: {@code a & b}, {@code a | b}, {@code a ^ b}, {@code ~a},
 * {@code a << b} and {@code a >> b} become calls of the server's functions (engine.binary.MySqlBitOperators), with
 * MySQL's precedence: unary operators, then ^, then * / DIV % MOD, then + -, then &lt;&lt; &gt;&gt;, then &amp;, then
 * |. An operand chain is read where the statement has one of these operators: operands (a literal, a column, a
 * call, a parenthesized expression, CASE ... END, a variable) joined by arithmetic and bit operators. Arithmetic
 * stays as it is, inside the calls where precedence puts it.
 */
public final class BitOperators implements StatementRewrite {
    private static final Map<String, String> BINARY = Map.of("&", "PUBLIC.MYSQL_BIT_AND(", "|", "PUBLIC.MYSQL_BIT_OR(",
            "^", "PUBLIC.MYSQL_BIT_XOR(", "<<", "PUBLIC.MYSQL_BIT_SHIFT_LEFT(", ">>", "PUBLIC.MYSQL_BIT_SHIFT_RIGHT(");
    private static final Set<String> BIT_SYMBOLS = Set.of("&", "|", "^", "~", "<<", ">>");
    private static final Set<String> UNARY = Set.of("-", "+", "~", "!");
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "%");
    /** Words that end an operand chain although they are no reserved word of the parser's list. */
    private static final Set<String> NOT_OPERANDS = Set.of("AND", "OR", "XOR", "NOT", "IS", "IN", "LIKE", "REGEXP",
            "RLIKE", "BETWEEN", "AS", "FROM", "WHERE", "THEN", "ELSE", "END", "WHEN", "ASC", "DESC", "COLLATE", "ESCAPE",
            "SOUNDS", "MEMBER", "SEPARATOR", "ORDER", "GROUP", "HAVING", "LIMIT", "OFFSET", "ON", "USING", "FOR",
            "INTO", "SELECT", "UNION", "EXCEPT", "INTERSECT", "WINDOW", "SET", "VALUES", "VALUE", "DIV", "MOD",
            "INTERVAL", "DISTINCT", "ALL", "ANY", "SOME", "EXISTS", "JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "NATURAL",
            "STRAIGHT_JOIN", "OUTER", "OVER", "PARTITION", "ROWS", "RANGE", "BY", "WITH", "DUPLICATE", "KEY", "UPDATE");
    private static final Set<String> LITERAL_WORDS = Set.of("NULL", "TRUE", "FALSE");

    /** An operand: tokens [start, end], both included. */
    private record Span(int start, int end) {
    }

    @Override
    public SqlText apply(SqlText statement) {
        List<Token> tokens = statement.tokens();
        boolean any = false;
        for (Token each : tokens) {
            if (each.kind() == Token.Kind.SYMBOL && BIT_SYMBOLS.contains(each.text())) {
                any = true;
                break;
            }
        }
        if (!any) {
            return statement;
        }
        TextEdits edits = new TextEdits();
        new Scan(tokens, edits).region(0, tokens.size());
        return edits.applyTo(statement);
    }

    private static final class Scan {
        private final List<Token> tokens;
        private final TextEdits edits;

        Scan(List<Token> tokens, TextEdits edits) {
            this.tokens = tokens;
            this.edits = edits;
        }

        /** Finds and rewrites the operand chains of [from, to). */
        void region(int from, int to) {
            int i = from;
            while (i < to) {
                int end = chain(i, to);
                if (end > i) {
                    i = end;
                } else if (tokens.get(i).isSymbol("(")) {
                    int close = TokenRanges.closing(tokens, i);
                    if (close < 0 || close >= to) {
                        return;
                    }
                    region(i + 1, close);
                    i = close + 1;
                } else {
                    i++;
                }
            }
        }

        /** The chain starting at {@code from}: rewritten when it has a bit operator; returns its end, or from. */
        private int chain(int from, int to) {
            List<Span> operands = new ArrayList<>();
            List<Integer> operators = new ArrayList<>();
            List<Integer> unaries = new ArrayList<>();
            int i = from;
            boolean bits = false;
            while (true) {
                int operandStart = i;
                while (i < to && isUnary(i)) {
                    bits |= tokens.get(i).isSymbol("~");
                    i++;
                }
                int end = operand(i, to);
                if (end < 0) {
                    if (operands.isEmpty()) {
                        return from;
                    }
                    // an operator with no operand after it: left to the engine, which reports it
                    interiors(operands, unaries);
                    return operands.get(operands.size() - 1).end() + 1;
                }
                operands.add(new Span(operandStart, end));
                unaries.add(i - operandStart);
                i = end + 1;
                if (i < to && isBinaryOperator(tokens.get(i))) {
                    bits |= tokens.get(i).kind() == Token.Kind.SYMBOL && BINARY.containsKey(tokens.get(i).text());
                    operators.add(i);
                    i++;
                    continue;
                }
                break;
            }
            if (bits) {
                tree(operands, operators, unaries, 0, operands.size() - 1);
            }
            interiors(operands, unaries);
            return i;
        }

        /** The chains inside the operands: in parentheses, a call's arguments, CASE ... END. */
        private void interiors(List<Span> operands, List<Integer> unaries) {
            for (int k = 0; k < operands.size(); k++) {
                Span operand = operands.get(k);
                int atom = operand.start() + unaries.get(k);
                if (tokens.get(atom).isSymbol("(") || tokens.get(atom).isWord("CASE")) {
                    region(atom + 1, operand.end());
                } else if (operand.end() > atom && tokens.get(operand.end()).isSymbol(")")) {
                    region(TokenRanges.opening(tokens, operand.end()) + 1, operand.end());
                }
            }
        }

        /** The operands [first, last] and the operators between them, split at the lowest-precedence operator. */
        private void tree(List<Span> operands, List<Integer> operators, List<Integer> unaries, int first, int last) {
            if (first == last) {
                unary(operands.get(first), unaries.get(first));
                return;
            }
            int split = first;
            int lowest = Integer.MAX_VALUE;
            for (int k = first; k < last; k++) {
                int level = precedence(tokens.get(operators.get(k)));
                if (level <= lowest) { // the last of equal precedence: left-associative
                    lowest = level;
                    split = k;
                }
            }
            Token operator = tokens.get(operators.get(split));
            String call = operator.kind() == Token.Kind.SYMBOL ? BINARY.get(operator.text()) : null;
            if (call != null) {
                edits.insert(tokens.get(operands.get(first).start()).start(), call);
                edits.replace(operator, ",");
                edits.insert(tokens.get(operands.get(last).end()).end(), ")");
            }
            tree(operands, operators, unaries, first, split);
            tree(operands, operators, unaries, split + 1, last);
        }

        /** An operand's leading unary operators: each ~ becomes a call around what follows it. */
        private void unary(Span operand, int count) {
            for (int k = 0; k < count; k++) {
                Token token = tokens.get(operand.start() + k);
                if (token.isSymbol("~")) {
                    edits.replace(token, "PUBLIC.MYSQL_BIT_NOT(");
                    edits.insert(tokens.get(operand.end()).end(), ")");
                }
            }
        }

        private static int precedence(Token operator) {
            String text = operator.kind() == Token.Kind.WORD ? operator.upper() : operator.text();
            return switch (text) {
                case "|" -> 1;
                case "&" -> 2;
                case "<<", ">>" -> 3;
                case "+", "-" -> 4;
                case "^" -> 6;
                default -> 5; // * / % DIV MOD
            };
        }

        private boolean isUnary(int i) {
            Token token = tokens.get(i);
            return token.kind() == Token.Kind.SYMBOL && UNARY.contains(token.text());
        }

        private static boolean isBinaryOperator(Token token) {
            if (token.kind() == Token.Kind.SYMBOL) {
                return BINARY.containsKey(token.text()) || ARITHMETIC.contains(token.text());
            }
            return token.isWord("DIV") || token.isWord("MOD");
        }

        /** The last token of the operand at {@code i}, or -1 when none starts there. */
        private int operand(int i, int to) {
            if (i >= to) {
                return -1;
            }
            Token token = tokens.get(i);
            switch (token.kind()) {
                case NUMBER, STRING, PARAMETER, USER_VARIABLE, SYSTEM_VARIABLE:
                    return i;
                case SYMBOL:
                    if (token.isSymbol("(")) {
                        int close = TokenRanges.closing(tokens, i);
                        return close > 0 && close < to ? close : -1;
                    }
                    return -1;
                case QUOTED_IDENTIFIER:
                    return qualified(i, to);
                default:
                    break;
            }
            String word = token.upper();
            if (LITERAL_WORDS.contains(word)) {
                return i;
            }
            if (word.equals("CASE")) {
                return caseEnd(i, to);
            }
            if (NOT_OPERANDS.contains(word)) {
                return -1;
            }
            if (i + 1 < to && tokens.get(i + 1).kind() == Token.Kind.STRING) {
                return i + 1; // X'..', B'..', _charset'..', DATE '...'
            }
            if (i + 1 < to && tokens.get(i + 1).isSymbol("(")) {
                int close = TokenRanges.closing(tokens, i + 1);
                return close > 0 && close < to ? close : -1;
            }
            return qualified(i, to);
        }

        private int qualified(int i, int to) {
            int end = i;
            while (end + 2 < to && tokens.get(end + 1).isSymbol(".") && tokens.get(end + 2).isIdentifier()) {
                end += 2;
            }
            return end;
        }

        private int caseEnd(int i, int to) {
            int depth = 0;
            for (int k = i; k < to; k++) {
                if (tokens.get(k).isWord("CASE")) {
                    depth++;
                } else if (tokens.get(k).isWord("END") && --depth == 0) {
                    return k;
                }
            }
            return -1;
        }
    }
}
