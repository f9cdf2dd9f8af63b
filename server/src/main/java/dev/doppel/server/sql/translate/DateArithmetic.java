package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.functions.CompoundUnits;

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
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\s*[-+]?\\d+\\s*");

    private DateArithmetic() {
    }

    /** Notes the replacement text of each token to replace, and what goes before and after the operands it joins. */
    static void collect(List<Token> tokens, EngineEdits edits) {
        Map<Integer, String> out = edits.replaced();
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
            String compound = null;
            if (interval == null && CompoundUnits.isCompound(unit) && comma + 3 == close - 1
                    && tokens.get(comma + 2).kind() == Token.Kind.STRING) {
                compound = compoundTerms(unit, tokens.get(comma + 2).text(), !add);
                if (compound == null) {
                    // more parts than the unit has: MySQL's NULL
                    for (int j = i; j <= close; j++) {
                        out.put(j, j == i ? "CAST(NULL AS TIMESTAMP)" : "");
                    }
                    continue;
                }
                interval = "'1' DAY";
                out.put(comma + 2, "0");
            }
            if (interval == null) {
                continue;
            }
            out.put(i, "");
            String operator = add ? " + (" : " - (";
            Token operand = tokens.get(i + 2);
            if (comma == i + 3 && operand.kind() == Token.Kind.STRING) {
                // a date in quotes: MySQL reads it as a DATE or a DATETIME, the engine adds nothing to text
                boolean date = DATE_ONLY.matcher(operand.text().strip()).matches() && !belowADay(unit);
                out.put(i + 1, "(CAST(");
                out.put(comma, date ? " AS DATE)" + operator
                        : " AS TIMESTAMP(" + (operand.text().contains(".") || unit.contains("MICROSECOND") ? 6 : 0) + "))"
                                + operator);
            } else if (belowADay(unit)) {
                // the operand's type joined with DATETIME(0): a DATE becomes a DATETIME, a DATETIME(n) stays one
                out.put(i + 1, "(COALESCE((");
                out.put(comma, "), CAST(NULL AS TIMESTAMP(" + (unit.contains("MICROSECOND") ? 6 : 0) + ")))" + operator);
            } else {
                out.put(i + 1, "((");
                out.put(comma, ")" + operator);
            }
            out.put(comma + 1, "");
            if (compound == null) {
                plainValue(tokens, comma + 2, close - 1, out);
            }
            out.put(close - 1, ") * INTERVAL " + interval.toUpperCase(Locale.ROOT) + (compound == null ? "" : compound));
        }
        operatorIntervals(tokens, edits);
        extracts(tokens, out);
    }

    private static boolean belowADay(String unit) {
        return BELOW_A_DAY.contains(unit) || CompoundUnits.belowADay(unit);
    }

    /**
     * A compound interval's parts, each added to what precedes it ({@code " - 1 * INTERVAL '1' DAY + ..."}); null when the
     * value has more parts than the unit.
     */
    private static String compoundTerms(String unit, String value, boolean subtract) {
        List<CompoundUnits.Part> parts = CompoundUnits.parts(unit, value);
        if (parts == null) {
            return null;
        }
        StringBuilder terms = new StringBuilder();
        for (CompoundUnits.Part each : parts) {
            boolean minus = subtract ^ each.amount() < 0;
            terms.append(minus ? " - " : " + ").append(Math.abs(each.amount())).append(" * INTERVAL ")
                    .append(UNITS.get(each.unit()));
        }
        return terms.toString();
    }

    /**
     * A quoted number as an interval's amount ({@code INTERVAL '2' DAY}): the engine multiplies no text. Other text
     * ({@code '1.5'}) is read as MySQL reads it, as an integer (1, warning 1292); a decimal literal is rounded.
     */
    private static void plainValue(List<Token> tokens, int from, int to, Map<Integer, String> out) {
        if (from + 1 != to || out.containsKey(from)) {
            return;
        }
        Token amount = tokens.get(from);
        if (amount.kind() == Token.Kind.NUMBER && amount.text().matches("\\d*\\.\\d+|\\d+\\.\\d*")
                && to < tokens.size() && !tokens.get(to).isWord("SECOND") && !tokens.get(to).isWord("MICROSECOND")) {
            // a decimal amount of a unit above seconds is rounded, half away from zero, as MySQL does
            // (INTERVAL 1.5 DAY is 2 days; INTERVAL 1.5 SECOND keeps its fraction)
            out.put(from, new java.math.BigDecimal(amount.text()).setScale(0, java.math.RoundingMode.HALF_UP)
                    .toPlainString());
            return;
        }
        if (amount.kind() != Token.Kind.STRING) {
            return;
        }
        out.put(from, WHOLE_NUMBER.matcher(tokens.get(from).text()).matches() ? tokens.get(from).text().strip()
                : "PUBLIC.MYSQL_TEXT_INTEGER(" + literal(tokens.get(from).text()) + ")");
    }

    /** EXTRACT(compound unit FROM x), which the engine lacks: PUBLIC.MYSQL_EXTRACT('unit', x). */
    private static void extracts(List<Token> tokens, Map<Integer, String> out) {
        for (int i = 0; i + 4 < tokens.size(); i++) {
            if (tokens.get(i).isWord("EXTRACT") && tokens.get(i + 1).isSymbol("(")
                    && tokens.get(i + 2).kind() == Token.Kind.WORD && CompoundUnits.isCompound(tokens.get(i + 2).upper())
                    && tokens.get(i + 3).isWord("FROM") && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                out.put(i, "PUBLIC.MYSQL_EXTRACT");
                out.put(i + 2, "'" + tokens.get(i + 2).upper() + "'");
                out.put(i + 3, ",");
            }
        }
    }

    /**
     * {@code x + INTERVAL n unit}, {@code x - INTERVAL n unit} and {@code INTERVAL n unit + x}, which the engine reads
     * only with a quoted number: {@code INTERVAL} becomes {@code (} and the unit {@code ) * INTERVAL '1' unit}. A
     * quoted date beside it is cast as DATE_ADD's is. Compound units (DAY_HOUR, ...) are left as written.
     */
    private static void operatorIntervals(List<Token> tokens, EngineEdits edits) {
        Map<Integer, String> out = edits.replaced();
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
            String compound = "";
            if (CompoundUnits.isCompound(name)) {
                // only x + INTERVAL 'v' unit: the parts are added to x one by one
                String terms = !after || unit != i + 2 || tokens.get(i + 1).kind() != Token.Kind.STRING ? null
                        : compoundTerms(name, tokens.get(i + 1).text(), tokens.get(i - 1).isSymbol("-"));
                if (terms == null) {
                    continue;
                }
                compound = terms;
                out.put(i + 1, "0");
                name = "DAY";
            } else {
                plainValue(tokens, i + 1, unit, out);
            }
            out.put(i, "(");
            out.put(unit, ") * INTERVAL " + UNITS.get(name) + compound);
            int quoted = after ? i - 2 : unit + 2;
            if (after && belowADay(tokens.get(unit).upper())
                    && !(tokens.get(quoted).kind() == Token.Kind.STRING && !typedLiteral(tokens, quoted))) {
                joinWithDatetime(tokens, quoted, tokens.get(unit).upper().contains("MICROSECOND") ? 6 : 0, edits);
            }
            if (quoted >= 0 && quoted < tokens.size() && tokens.get(quoted).kind() == Token.Kind.STRING
                    && !out.containsKey(quoted) && !typedLiteral(tokens, quoted)) {
                String text = tokens.get(quoted).text().strip();
                boolean date = DATE_ONLY.matcher(text).matches() && !belowADay(tokens.get(unit).upper());
                out.put(quoted, "CAST(" + literal(tokens.get(quoted).text()) + (date ? " AS DATE)"
                        : " AS TIMESTAMP(" + (text.contains(".") || tokens.get(unit).upper().contains("MICROSECOND") ? 6 : 0)
                                + "))"));
            }
        }
    }

    /** Words and symbols after which {@code x} in {@code x + INTERVAL ...} is all of the left operand. */
    private static final Set<String> LEFT_EDGES = Set.of("SELECT", "WHERE", "AND", "OR", "XOR", "NOT", "ON", "WHEN",
            "THEN", "ELSE", "HAVING", "BY", "SET", "VALUES", "RETURN", "BETWEEN", "DISTINCT", "(", ",", "=", "<", ">", "<=",
            ">=", "<>", "!=");

    /**
     * {@code x + INTERVAL n HOUR}: the engine keeps a DATE x a DATE, MySQL makes it a DATETIME (as DATE_ADD does here),
     * so x, when it is a whole primary (a column, a call, a parenthesized expression, a typed literal), is joined
     * with a DATETIME of that precision first.
     */
    private static void joinWithDatetime(List<Token> tokens, int end, int precision, EngineEdits edits) {
        if (typedLiteral(tokens, end) && tokens.get(end - 1).isWord("DATE")) {
            // the engine joins a DATE literal with a DATETIME into six digits of fraction
            edits.replaced().put(end - 1, "CAST(");
            edits.replaced().put(end, literal(tokens.get(end).text()) + " AS TIMESTAMP(" + precision + "))");
            return;
        }
        if (typedLiteral(tokens, end)) {
            return; // TIMESTAMP '..' is one already
        }
        int start = Division.primaryStart(tokens, end);
        Token edge = start > 0 ? tokens.get(start - 1) : null;
        if (edge == null || edge.kind() == Token.Kind.STRING || !LEFT_EDGES.contains(edge.upper())) {
            return;
        }
        edits.before().merge(start, "COALESCE((", (earlier, mine) -> earlier + mine);
        edits.after().merge(end, "), CAST(NULL AS TIMESTAMP(" + precision + ")))", (earlier, mine) -> mine + earlier);
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
            } else if (depth == 0 && j > from && each.kind() == Token.Kind.WORD
                    && (UNITS.containsKey(each.upper()) || CompoundUnits.isCompound(each.upper()))) {
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
