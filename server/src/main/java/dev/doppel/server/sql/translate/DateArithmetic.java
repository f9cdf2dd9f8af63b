package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DATE_ADD(x, INTERVAL n unit) and DATE_SUB (ADDDATE, SUBDATE) become the engine's interval arithmetic,
 * {@code ((x) + (n) * INTERVAL '1' DAY)}, by replacing only the tokens around the two arguments. A unit below a day
 * makes a DATE a DATETIME in MySQL; the engine keeps the DATE, so the operand is joined with a DATETIME first. A
 * quoted operand is cast to DATE (a date, with a unit of a day or more) or DATETIME first, as MySQL reads it.
 */
public final class DateArithmetic {
    private static final Map<String, String> UNITS = Map.of("DAY", "'1' DAY", "WEEK", "'7' DAY", "MONTH", "'1' MONTH",
            "QUARTER", "'3' MONTH", "YEAR", "'1' YEAR", "HOUR", "'1' HOUR", "MINUTE", "'1' MINUTE",
            "SECOND", "'1' SECOND", "MICROSECOND", "'0.000001' SECOND");

    private static final Set<String> BELOW_A_DAY = Set.of("HOUR", "MINUTE", "SECOND", "MICROSECOND");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");

    private DateArithmetic() {
    }

    /** Puts the replacement text of each token to replace into {@code out}, by token index. */
    static void collect(List<Token> tokens, Map<Integer, String> out) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token name = tokens.get(i);
            if (name.kind() != Token.Kind.WORD || !tokens.get(i + 1).isSymbol("(")
                    || (i > 0 && tokens.get(i - 1).isSymbol("."))) {
                continue;
            }
            String function = name.upper();
            boolean add = function.equals("DATE_ADD") || function.equals("ADDDATE");
            if (!add && !function.equals("DATE_SUB") && !function.equals("SUBDATE")) {
                continue;
            }
            int comma = -1;
            int close = -1;
            int depth = 0;
            for (int j = i + 1; j < tokens.size(); j++) {
                Token each = tokens.get(j);
                if (each.isSymbol("(")) {
                    depth++;
                } else if (each.isSymbol(")") && --depth == 0) {
                    close = j;
                    break;
                } else if (depth == 1 && each.isSymbol(",") && comma < 0) {
                    comma = j;
                }
            }
            if (comma < 0 || close < 0 || comma + 3 > close - 1 || !tokens.get(comma + 1).isWord("INTERVAL")) {
                continue;
            }
            String unit = tokens.get(close - 1).upper();
            String interval = tokens.get(close - 1).kind() == Token.Kind.WORD ? UNITS.get(unit) : null;
            if (interval == null) {
                continue;
            }
            out.put(i, "");
            String operator = add ? " + (" : " - (";
            Token operand = tokens.get(i + 2);
            if (comma == i + 3 && operand.kind() == Token.Kind.STRING) {
                // a date in quotes: MySQL reads it as a DATE or a DATETIME, the engine adds nothing to text
                boolean date = DATE_ONLY.matcher(operand.text().strip()).matches() && !BELOW_A_DAY.contains(unit);
                out.put(i + 1, "(CAST(");
                out.put(comma, date ? " AS DATE)" + operator
                        : " AS TIMESTAMP(" + (operand.text().contains(".") ? 6 : 0) + "))" + operator);
            } else if (BELOW_A_DAY.contains(unit)) {
                // the operand's type joined with DATETIME(0): a DATE becomes a DATETIME, a DATETIME(n) stays one
                out.put(i + 1, "(COALESCE((");
                out.put(comma, "), CAST(NULL AS TIMESTAMP(0)))" + operator);
            } else {
                out.put(i + 1, "((");
                out.put(comma, ")" + operator);
            }
            out.put(comma + 1, "");
            out.put(close - 1, ") * INTERVAL " + interval.toUpperCase(Locale.ROOT));
        }
        operatorIntervals(tokens, out);
    }

    /**
     * {@code x + INTERVAL n unit}, {@code x - INTERVAL n unit} and {@code INTERVAL n unit + x}, which the engine reads
     * only with a quoted number: {@code INTERVAL} becomes {@code (} and the unit {@code ) * INTERVAL '1' unit}. A
     * quoted date beside it is cast as DATE_ADD's is. Compound units (DAY_HOUR, ...) are left as written.
     */
    private static void operatorIntervals(List<Token> tokens, Map<Integer, String> out) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token interval = tokens.get(i);
            if (!interval.isWord("INTERVAL") || out.containsKey(i)) {
                continue;
            }
            boolean after = i > 0 && (tokens.get(i - 1).isSymbol("+") || tokens.get(i - 1).isSymbol("-"));
            int unit = unitAfter(tokens, i + 1);
            if (unit < 0) {
                continue;
            }
            boolean before = unit + 1 < tokens.size() && tokens.get(unit + 1).isSymbol("+");
            if (!after && !before) {
                continue;
            }
            String name = tokens.get(unit).upper();
            out.put(i, "(");
            out.put(unit, ") * INTERVAL " + UNITS.get(name));
            int quoted = after ? i - 2 : unit + 2;
            if (quoted >= 0 && quoted < tokens.size() && tokens.get(quoted).kind() == Token.Kind.STRING
                    && !out.containsKey(quoted) && !typedLiteral(tokens, quoted)) {
                String text = tokens.get(quoted).text().strip();
                boolean date = DATE_ONLY.matcher(text).matches() && !BELOW_A_DAY.contains(name);
                out.put(quoted, "CAST(" + literal(tokens.get(quoted).text()) + (date ? " AS DATE)"
                        : " AS TIMESTAMP(" + (text.contains(".") ? 6 : 0) + "))"));
            }
        }
    }

    /** The unit that ends the interval starting at {@code from} (outside parentheses), or -1. */
    private static int unitAfter(List<Token> tokens, int from) {
        int depth = 0;
        for (int j = from; j < tokens.size(); j++) {
            Token each = tokens.get(j);
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                if (--depth < 0) {
                    return -1;
                }
            } else if (depth == 0 && j > from && each.kind() == Token.Kind.WORD && UNITS.containsKey(each.upper())) {
                return j;
            } else if (depth == 0 && (each.isSymbol(",") || each.kind() == Token.Kind.WORD
                    && (each.isWord("FROM") || each.isWord("WHERE") || each.isWord("AND") || each.isWord("OR")))) {
                return -1;
            }
        }
        return -1;
    }

    /** DATE '..', TIME '..', TIMESTAMP '..' or _charset'..': the string is typed already. */
    private static boolean typedLiteral(List<Token> tokens, int string) {
        if (string == 0 || tokens.get(string - 1).kind() != Token.Kind.WORD) {
            return false;
        }
        Token word = tokens.get(string - 1);
        return word.isWord("DATE") || word.isWord("TIME") || word.isWord("TIMESTAMP") || word.text().startsWith("_");
    }

    private static String literal(String text) {
        StringBuilder quoted = new StringBuilder();
        EngineSql.appendLiteral(quoted, text);
        return quoted.toString();
    }
}
