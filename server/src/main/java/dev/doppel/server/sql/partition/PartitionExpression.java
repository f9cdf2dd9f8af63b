package dev.doppel.server.sql.partition;

import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A partitioning function (the expression of RANGE, LIST and HASH) read against the table's columns: only what MySQL
 * permits there (columns, integers, + - * DIV % and unary minus, and the functions of its list; 1564 for anything
 * else), printed as MySQL prints it ({@code year(`d`)}, {@code (`a` + 1)}), with the columns it reads.
 */
record PartitionExpression(String text, Set<String> columns) {
    /** MySQL 8.4's functions permitted in a partitioning expression. */
    private static final Set<String> FUNCTIONS = Set.of("ABS", "CEILING", "CEIL", "DATEDIFF", "DAY", "DAYOFMONTH",
            "DAYOFWEEK", "DAYOFYEAR", "EXTRACT", "FLOOR", "HOUR", "MICROSECOND", "MINUTE", "MOD", "MONTH", "QUARTER",
            "SECOND", "TIME_TO_SEC", "TO_DAYS", "TO_SECONDS", "UNIX_TIMESTAMP", "WEEKDAY", "YEAR", "YEARWEEK");
    private static final Set<String> INTEGER_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "integer",
            "bigint", "bit", "year");

    /**
     * Reads {@code expression}; {@code columnTypes} maps each column (as the table spells it) to its MySQL type.
     * A bare column must be an integer (1659); a column the table lacks is 1054.
     */
    static PartitionExpression of(String expression, Map<String, String> columnTypes) {
        List<Token> tokens = Lexer.tokenize(expression);
        Reader reader = new Reader(tokens, columnTypes);
        String text = reader.additive();
        if (reader.at < tokens.size()) {
            throw notAllowed();
        }
        if (reader.columns.isEmpty()) {
            throw new MySqlException(1486, "HY000",
                    "Constant, random or timezone-dependent expressions in (sub)partitioning function are not allowed");
        }
        if (reader.bareColumn != null) {
            String type = baseType(columnTypes.get(reader.bareColumn));
            if (!INTEGER_TYPES.contains(type)) {
                throw notAllowedType(reader.bareColumn);
            }
        }
        return new PartitionExpression(text, reader.columns);
    }

    static MySqlException notAllowed() {
        return new MySqlException(1564, "HY000", "This partition function is not allowed");
    }

    static MySqlException notAllowedType(String column) {
        return new MySqlException(1659, "HY000", "Field '" + column + "' is of a not allowed type for this type of"
                + " partitioning");
    }

    static String baseType(String columnType) {
        String type = columnType == null ? "" : columnType.toLowerCase(Locale.ROOT).trim();
        int cut = type.length();
        for (char stop : new char[] {'(', ' '}) {
            int at = type.indexOf(stop);
            cut = at >= 0 ? Math.min(cut, at) : cut;
        }
        return type.substring(0, cut);
    }

    /** The column of the table named {@code name} (any case), as the table spells it; 1054 when there is none. */
    static String column(String name, Map<String, String> columnTypes) {
        for (String each : columnTypes.keySet()) {
            if (each.equalsIgnoreCase(name)) {
                return each;
            }
        }
        throw new MySqlException(1054, "42S22", "Unknown column '" + name + "' in 'partition function'");
    }

    private static final class Reader {
        private final List<Token> tokens;
        private final Map<String, String> columnTypes;
        private final Set<String> columns = new LinkedHashSet<>();
        private String bareColumn;
        private int at;

        Reader(List<Token> tokens, Map<String, String> columnTypes) {
            this.tokens = tokens;
            this.columnTypes = columnTypes;
        }

        private Token peek() {
            return at < tokens.size() ? tokens.get(at) : null;
        }

        private boolean accept(String symbol) {
            Token token = peek();
            if (token != null && (token.isSymbol(symbol) || token.isWord(symbol))) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String symbol) {
            if (!accept(symbol)) {
                throw notAllowed();
            }
        }

        String additive() {
            String left = multiplicative();
            while (true) {
                if (accept("+")) {
                    left = "(" + left + " + " + multiplicative() + ")";
                } else if (accept("-")) {
                    left = "(" + left + " - " + multiplicative() + ")";
                } else {
                    return left;
                }
            }
        }

        private String multiplicative() {
            String left = unary();
            while (true) {
                if (accept("*")) {
                    left = "(" + left + " * " + unary() + ")";
                } else if (accept("%") || accept("MOD")) {
                    left = "(" + left + " % " + unary() + ")";
                } else if (accept("DIV")) {
                    left = "(" + left + " DIV " + unary() + ")";
                } else {
                    return left;
                }
            }
        }

        private String unary() {
            if (accept("-")) {
                return "-(" + unary() + ")";
            }
            if (accept("+")) {
                return unary();
            }
            return primary();
        }

        private String primary() {
            Token token = peek();
            if (token == null) {
                throw notAllowed();
            }
            if (token.isSymbol("(")) {
                at++;
                String inner = additive();
                expect(")");
                return inner;
            }
            at++;
            if (token.kind() == Token.Kind.NUMBER && Token.isDigits(token.text())) {
                return token.text();
            }
            if (token.kind() == Token.Kind.STRING) {
                return "'" + token.text().replace("\\", "\\\\").replace("'", "\\'") + "'";
            }
            if (token.kind() == Token.Kind.WORD && peek() != null && peek().isSymbol("(")) {
                return call(token.upper());
            }
            if (token.isIdentifier()) {
                String column = column(token.text(), columnTypes);
                columns.add(column);
                if (tokens.size() == 1) {
                    bareColumn = column;
                }
                return CreateTableText.quote(column);
            }
            throw notAllowed();
        }

        private String call(String name) {
            if (!FUNCTIONS.contains(name)) {
                throw notAllowed();
            }
            expect("(");
            if (name.equals("EXTRACT")) {
                Token unit = peek();
                if (unit == null || unit.kind() != Token.Kind.WORD) {
                    throw notAllowed();
                }
                at++;
                expect("FROM");
                String source = additive();
                expect(")");
                return "extract(" + unit.text().toLowerCase(Locale.ROOT) + " from " + source + ")";
            }
            List<String> arguments = new ArrayList<>();
            if (!accept(")")) {
                do {
                    arguments.add(additive());
                } while (accept(","));
                expect(")");
            }
            if (name.equals("MOD") && arguments.size() == 2) {
                return "(" + arguments.get(0) + " % " + arguments.get(1) + ")";
            }
            String printed = switch (name) {
                case "DAY" -> "dayofmonth";
                case "CEIL" -> "ceiling";
                default -> name.toLowerCase(Locale.ROOT);
            };
            return printed + "(" + String.join(",", arguments) + ")";
        }
    }
}
