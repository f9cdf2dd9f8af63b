package dev.doppel.server.sql.program.events;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.program.parse.ProgramParser;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The clauses of CREATE EVENT and ALTER EVENT, as written (null where a clause is absent): ON SCHEDULE AT t | EVERY
 * n unit [STARTS t] [ENDS t], ON COMPLETION [NOT] PRESERVE, RENAME TO, ENABLE | DISABLE [ON REPLICA], COMMENT, DO.
 * Times are evaluated once, when the statement runs, as MySQL does.
 */
record EventDefinition(boolean create, String schema, String name, boolean ifNotExists, String definerUser,
                       String definerHost, boolean definerGiven, boolean scheduled, LocalDateTime executeAt,
                       String intervalValue, String intervalField, LocalDateTime starts, LocalDateTime ends,
                       Boolean preserve, String renameTo, String status, String comment, String body) {
    private static final Set<String> CLAUSE_STARTS = Set.of("ON", "ENABLE", "DISABLE", "COMMENT", "DO", "RENAME",
            "STARTS", "ENDS");

    /** CREATE | ALTER [DEFINER = user] EVENT ... */
    static boolean matches(List<Token> tokens) {
        if (tokens.isEmpty() || !(tokens.get(0).isWord("CREATE") || tokens.get(0).isWord("ALTER"))) {
            return false;
        }
        int i = definerEnd(tokens);
        return i < tokens.size() && tokens.get(i).isWord("EVENT");
    }

    private static int definerEnd(List<Token> tokens) {
        if (tokens.size() > 3 && tokens.get(1).isWord("DEFINER") && tokens.get(2).isSymbol("=")) {
            if (tokens.get(3).isWord("CURRENT_USER")) {
                return tokens.size() > 5 && tokens.get(4).isSymbol("(") ? 6 : 4;
            }
            return tokens.size() > 5 && tokens.get(4).isSymbol("@") ? 6
                    : tokens.get(4).kind() == Token.Kind.USER_VARIABLE ? 5 : 4;
        }
        return 1;
    }

    static EventDefinition parse(String sql, List<Token> tokens, String currentSchema, String user, String host,
                                 Function<String, Object> evaluate) {
        boolean create = tokens.get(0).isWord("CREATE");
        int i = definerEnd(tokens);
        boolean definerGiven = i > 4 || i == 4 && !tokens.get(3).isWord("CURRENT_USER");
        String definerUser = definerGiven ? tokens.get(3).text() : user;
        String definerHost = !definerGiven ? host : i == 6 ? tokens.get(5).text() : i == 5 ? tokens.get(4).text() : "%";
        i++;
        boolean ifNotExists = false;
        if (create && word(tokens, i, "IF") && word(tokens, i + 1, "NOT") && word(tokens, i + 2, "EXISTS")) {
            ifNotExists = true;
            i += 3;
        }
        if (i >= tokens.size() || !tokens.get(i).isIdentifier()) {
            throw syntaxError(sql, tokens, i);
        }
        QualifiedName name = QualifiedName.at(tokens, i);
        String schema = name.qualifierOr(currentSchema);
        if (schema == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        i = name.next();
        boolean scheduled = false;
        LocalDateTime executeAt = null;
        LocalDateTime starts = null;
        LocalDateTime ends = null;
        String intervalValue = null;
        String intervalField = null;
        Boolean preserve = null;
        String renameTo = null;
        String status = null;
        String comment = null;
        String body = null;
        while (i < tokens.size()) {
            if (word(tokens, i, "ON") && word(tokens, i + 1, "SCHEDULE")) {
                scheduled = true;
                i += 2;
                if (word(tokens, i, "AT")) {
                    int end = expressionEnd(tokens, i + 1);
                    executeAt = time(evaluate.apply(text(sql, tokens, i + 1, end)));
                    i = end;
                } else if (word(tokens, i, "EVERY")) {
                    int unit = i + 1;
                    while (unit < tokens.size() && !(tokens.get(unit).kind() == Token.Kind.WORD
                            && EventSchedule.UNITS.contains(tokens.get(unit).upper()))) {
                        unit++;
                    }
                    if (unit >= tokens.size() || unit == i + 1) {
                        throw syntaxError(sql, tokens, unit);
                    }
                    Object value = evaluate.apply(text(sql, tokens, i + 1, unit));
                    intervalValue = value == null ? "" : value.toString();
                    intervalField = tokens.get(unit).upper();
                    EventSchedule.check(intervalValue, intervalField);
                    i = unit + 1;
                    if (word(tokens, i, "STARTS")) {
                        int end = expressionEnd(tokens, i + 1);
                        starts = time(evaluate.apply(text(sql, tokens, i + 1, end)));
                        i = end;
                    }
                    if (word(tokens, i, "ENDS")) {
                        int end = expressionEnd(tokens, i + 1);
                        ends = time(evaluate.apply(text(sql, tokens, i + 1, end)));
                        i = end;
                    }
                } else {
                    throw syntaxError(sql, tokens, i);
                }
            } else if (word(tokens, i, "ON") && word(tokens, i + 1, "COMPLETION")) {
                boolean not = word(tokens, i + 2, "NOT");
                i += not ? 3 : 2;
                if (!word(tokens, i, "PRESERVE")) {
                    throw syntaxError(sql, tokens, i);
                }
                preserve = !not;
                i++;
            } else if (!create && word(tokens, i, "RENAME") && word(tokens, i + 1, "TO")) {
                if (i + 2 >= tokens.size() || !tokens.get(i + 2).isIdentifier()) {
                    throw syntaxError(sql, tokens, i + 2);
                }
                renameTo = QualifiedName.at(tokens, i + 2).name();
                i = QualifiedName.at(tokens, i + 2).next();
            } else if (word(tokens, i, "ENABLE")) {
                status = "ENABLED";
                i++;
            } else if (word(tokens, i, "DISABLE")) {
                status = "DISABLED";
                i++;
                if (word(tokens, i, "ON") && (word(tokens, i + 1, "REPLICA") || word(tokens, i + 1, "SLAVE"))) {
                    status = "SLAVESIDE_DISABLED";
                    i += 2;
                }
            } else if (word(tokens, i, "COMMENT") && i + 1 < tokens.size()
                    && tokens.get(i + 1).kind() == Token.Kind.STRING) {
                comment = tokens.get(i + 1).text();
                i += 2;
            } else if (word(tokens, i, "DO") && i + 1 < tokens.size()) {
                ProgramParser.body(sql, tokens, i + 1, tokens.size());
                body = sql.substring(tokens.get(i + 1).start(), tokens.get(tokens.size() - 1).end());
                i = tokens.size();
            } else {
                throw syntaxError(sql, tokens, i);
            }
        }
        if (create && (!scheduled || body == null)) {
            throw syntaxError(sql, tokens, tokens.size());
        }
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            throw MySqlError.ER_EVENT_ENDS_BEFORE_STARTS.exception();
        }
        return new EventDefinition(create, schema, name.name(), ifNotExists, definerUser, definerHost, definerGiven,
                scheduled, executeAt, intervalValue, intervalField, starts, ends, preserve, renameTo, status, comment,
                body);
    }

    /** An AT, STARTS or ENDS time: up to the next clause, outside parentheses. */
    private static int expressionEnd(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.kind() == Token.Kind.WORD && CLAUSE_STARTS.contains(token.upper())) {
                return i;
            }
        }
        return tokens.size();
    }

    private static LocalDateTime time(Object value) {
        if (value instanceof java.sql.Timestamp stamp) {
            return stamp.toLocalDateTime().withNano(0);
        }
        if (value instanceof LocalDateTime time) {
            return time.withNano(0);
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().atStartOfDay();
        }
        if (value instanceof String text) {
            try {
                return LocalDateTime.parse(text.trim().replace(' ', 'T')).withNano(0);
            } catch (java.time.format.DateTimeParseException e) {
                try {
                    return java.time.LocalDate.parse(text.trim()).atStartOfDay();
                } catch (java.time.format.DateTimeParseException notADate) {
                    throw MySqlError.ER_WRONG_VALUE.exception("AT", text);
                }
            }
        }
        throw MySqlError.ER_WRONG_VALUE.exception("AT", String.valueOf(value));
    }

    private static String text(String sql, List<Token> tokens, int from, int to) {
        if (from >= to) {
            throw Lexer.syntaxError(sql, from < tokens.size() ? tokens.get(from).start() : sql.length());
        }
        return sql.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    private static boolean word(List<Token> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).isWord(word);
    }

    private static RuntimeException syntaxError(String sql, List<Token> tokens, int i) {
        return Lexer.syntaxError(sql, i < tokens.size() ? tokens.get(i).start() : sql.length());
    }
}
