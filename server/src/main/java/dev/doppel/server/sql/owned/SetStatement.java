package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.config.variables.SystemVariable;
import dev.doppel.server.config.variables.VariableQualifier;
import dev.doppel.server.config.variables.VariableWarning;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.QueryExecutor;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SET: system variables ([GLOBAL|SESSION|LOCAL] x, @@[global.|session.]x), user variables (@x), NAMES and
 * CHARACTER SET, and TRANSACTION ISOLATION LEVEL / READ ONLY|WRITE, several assignments separated by commas.
 */
public final class SetStatement {
    /** Session variables whose session value only an administrator may set (MySQL's "restricted" ones). */
    private static final java.util.Set<String> RESTRICTED_SESSION = java.util.Set.of("binlog_format",
            "explicit_defaults_for_timestamp", "pseudo_thread_id", "sql_log_bin", "sql_log_off");

    private static final String EXPLICIT_DEFAULTS = "explicit_defaults_for_timestamp";

    private final Session session;
    private final QueryExecutor executor;

    public SetStatement(Session session, QueryExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    /**
     * Whether a SET can run without the engine: every value is a single token (no expression to evaluate), and
     * it cannot commit (switching autocommit on commits, so autocommit only while it is on already).
     */
    public static boolean isInlineSafe(List<Token> tokens, boolean autocommit) {
        if (tokens.size() < 4 || !tokens.get(0).isWord("SET") || tokens.get(1).isWord("PASSWORD")
                || tokens.get(1).isWord("TRANSACTION")) {
            return false;
        }
        for (List<Token> each : splitAssignments(tokens.subList(1, tokens.size()))) {
            int equals = -1;
            for (int i = 0; i < each.size(); i++) {
                Token token = each.get(i);
                if ((!autocommit && token.text().toLowerCase(java.util.Locale.ROOT).contains("autocommit"))
                        || token.isWord("TRANSACTION")) {
                    return false;
                }
                if (equals < 0 && (token.isSymbol("=") || token.isSymbol(":="))) {
                    equals = i;
                }
            }
            boolean names = !each.isEmpty() && (each.get(0).isWord("NAMES") || each.get(0).isWord("CHARSET")
                    || each.get(0).isWord("CHARACTER"));
            if (!names && (equals < 0 || equals != each.size() - 2)) {
                return false;
            }
        }
        return true;
    }

    public void execute(String sql, List<Token> tokens) {
        if (tokens.size() < 2) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        VariableQualifier statementScope = VariableQualifier.NONE;
        int index = 1;
        Token second = tokens.get(1);
        if ((second.isWord("GLOBAL") || second.isWord("SESSION") || second.isWord("LOCAL"))
                && tokens.size() > 2 && tokens.get(2).isWord("TRANSACTION")) {
            transaction(sql, tokens, 3, second.isWord("GLOBAL") ? VariableQualifier.GLOBAL : VariableQualifier.SESSION);
            return;
        }
        if (second.isWord("TRANSACTION")) {
            transaction(sql, tokens, 2, VariableQualifier.NONE);
            return;
        }
        for (List<Token> assignment : splitAssignments(tokens.subList(index, tokens.size()))) {
            assign(sql, assignment, statementScope);
        }
    }

    private static List<List<Token>> splitAssignments(List<Token> tokens) {
        List<List<Token>> result = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        for (Token each : tokens) {
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                depth--;
            }
            if (depth == 0 && each.isSymbol(",")) {
                result.add(current);
                current = new ArrayList<>();
            } else {
                current.add(each);
            }
        }
        result.add(current);
        return result;
    }

    private void assign(String sql, List<Token> tokens, VariableQualifier defaultScope) {
        if (tokens.isEmpty()) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        Token first = tokens.get(0);
        if (first.isWord("NAMES")) {
            names(sql, tokens);
            return;
        }
        if (first.isWord("CHARSET") || (first.isWord("CHARACTER") && tokens.size() > 1 && tokens.get(1).isWord("SET"))) {
            int at = first.isWord("CHARSET") ? 1 : 2;
            if (tokens.size() != at + 1) {
                throw Lexer.syntaxError(sql, tokens.get(Math.min(at, tokens.size() - 1)).start());
            }
            if (tokens.get(at).isWord("DEFAULT")) {
                session.variables().setNamesDefault();
            } else {
                warn(session.variables().setCharacterSet(tokens.get(at).text()));
            }
            changed("character_set_client", "character_set_results", "character_set_connection",
                    "collation_connection");
            return;
        }
        VariableQualifier scope = defaultScope;
        int index = 0;
        if (first.isWord("GLOBAL") || first.isWord("PERSIST") || first.isWord("PERSIST_ONLY")) {
            scope = VariableQualifier.GLOBAL;
            index++;
        } else if (first.isWord("SESSION") || first.isWord("LOCAL")) {
            scope = VariableQualifier.SESSION;
            index++;
        }
        if (index >= tokens.size()) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        Token target = tokens.get(index);
        int equals = index + 1;
        if (equals >= tokens.size() || !(tokens.get(equals).isSymbol("=") || tokens.get(equals).isSymbol(":="))) {
            throw Lexer.syntaxError(sql, equals < tokens.size() ? tokens.get(equals).start() : sql.length());
        }
        List<Token> valueTokens = tokens.subList(equals + 1, tokens.size());
        if (valueTokens.isEmpty()) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        if (target.kind() == Token.Kind.USER_VARIABLE) {
            session.userVariables().put(target.text().toLowerCase(Locale.ROOT), value(sql, valueTokens, false));
            return;
        }
        String name;
        if (target.kind() == Token.Kind.SYSTEM_VARIABLE) {
            String reference = target.text();
            String lower = reference.toLowerCase(Locale.ROOT);
            if (lower.startsWith("global.")) {
                scope = VariableQualifier.GLOBAL;
                name = reference.substring(7);
            } else if (lower.startsWith("session.") || lower.startsWith("local.")) {
                scope = VariableQualifier.SESSION;
                name = reference.substring(reference.indexOf('.') + 1);
            } else {
                name = reference;
            }
        } else if (target.isIdentifier()) {
            name = target.text();
        } else {
            throw Lexer.syntaxError(sql, target.start());
        }
        setSystemVariable(sql, name, scope, valueTokens);
    }

    private void setSystemVariable(String sql, String name, VariableQualifier scope, List<Token> valueTokens) {
        SystemVariable variable = session.variables().registry().variable(name);
        if (scope == VariableQualifier.GLOBAL && !session.privileges().hasGlobal("SYSTEM_VARIABLES_ADMIN")
                && !session.privileges().hasGlobal("SUPER")) {
            throw MySqlError.ER_SPECIFIC_ACCESS_DENIED_ERROR.exception("SUPER or SYSTEM_VARIABLES_ADMIN");
        }
        if (scope != VariableQualifier.GLOBAL && RESTRICTED_SESSION.contains(variable.name())
                && !session.privileges().hasGlobal("SYSTEM_VARIABLES_ADMIN")
                && !session.privileges().hasGlobal("SESSION_VARIABLES_ADMIN") && !session.privileges().hasGlobal("SUPER")) {
            throw MySqlError.ER_SPECIFIC_ACCESS_DENIED_ERROR.exception("SUPER, SYSTEM_VARIABLES_ADMIN or SESSION_VARIABLES_ADMIN");
        }
        boolean wasAutocommit = session.variables().autocommit();
        boolean explicitDefaultsWereOn = variable.name().equals(EXPLICIT_DEFAULTS)
                && Boolean.TRUE.equals(session.variables().value(EXPLICIT_DEFAULTS));
        if (valueTokens.size() == 1 && valueTokens.get(0).isWord("DEFAULT")) {
            session.variables().setDefault(variable.name(), scope);
        } else {
            warn(session.variables().set(variable.name(), scope, value(sql, valueTokens, true)));
        }
        if (scope == VariableQualifier.GLOBAL) {
            session.server().variables().sources().dynamic(variable.name(), session.user(), session.host());
        }
        if (explicitDefaultsWereOn && Boolean.FALSE.equals(scope == VariableQualifier.GLOBAL
                ? session.variables().registry().globalValue(EXPLICIT_DEFAULTS)
                : session.variables().value(EXPLICIT_DEFAULTS))) {
            // 8.4 warns when it is switched off while the session has it on, whichever scope is set
            session.addWarning("Warning", 1287,
                    MySqlError.ER_WARN_DEPRECATED_SYNTAX_NO_REPLACEMENT.message(EXPLICIT_DEFAULTS));
        }
        if (scope != VariableQualifier.GLOBAL) {
            if (variable.name().equals("autocommit") && !wasAutocommit && session.variables().autocommit()) {
                executor.transactions().end(true);
            }
            changed(variable.name());
        }
    }

    /** A SET value: a single word is its own text (ON, OFF, utf8mb4), anything else is an expression. */
    private Object value(String sql, List<Token> tokens, boolean wordsAreStrings) {
        if (tokens.size() == 1) {
            Token token = tokens.get(0);
            switch (token.kind()) {
                case STRING:
                    return token.text();
                case NUMBER:
                    return number(token.text());
                case WORD:
                    if (token.isWord("NULL")) {
                        return null;
                    }
                    if (token.isWord("TRUE")) {
                        return 1L;
                    }
                    if (token.isWord("FALSE")) {
                        return 0L;
                    }
                    if (wordsAreStrings) {
                        return token.text();
                    }
                    break;
                case QUOTED_IDENTIFIER:
                    if (wordsAreStrings) {
                        return token.text();
                    }
                    break;
                default:
                    break;
            }
        }
        int start = tokens.get(0).start();
        int end = tokens.get(tokens.size() - 1).end();
        return executor.evaluate(sql.substring(start, end), Lexer.tokenize(sql.substring(start, end)));
    }

    private static Object number(String text) {
        try {
            if (text.startsWith("0x")) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (Token.isDigits(text)) {
                return text.length() < 19 ? (Object) Long.parseLong(text) : new java.math.BigInteger(text);
            }
            if (text.contains("e") || text.contains("E")) {
                return Double.parseDouble(text);
            }
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private void names(String sql, List<Token> tokens) {
        if (tokens.size() == 2 && tokens.get(1).isWord("DEFAULT")) {
            session.variables().setNamesDefault();
        } else if (tokens.size() == 2 && (tokens.get(1).isIdentifier() || tokens.get(1).kind() == Token.Kind.STRING)) {
            warn(session.variables().setNames(tokens.get(1).text(), null));
        } else if (tokens.size() == 4 && tokens.get(2).isWord("COLLATE")) {
            warn(session.variables().setNames(tokens.get(1).text(), tokens.get(3).text()));
        } else {
            throw Lexer.syntaxError(sql, tokens.get(Math.min(tokens.size() - 1, 1)).start());
        }
        changed("character_set_client", "character_set_results", "character_set_connection", "collation_connection");
    }

    private void transaction(String sql, List<Token> tokens, int index, VariableQualifier scope) {
        while (index < tokens.size()) {
            Token token = tokens.get(index);
            if (token.isWord("ISOLATION") && index + 2 < tokens.size() && tokens.get(index + 1).isWord("LEVEL")) {
                Token level = tokens.get(index + 2);
                String value;
                int consumed;
                if (level.isWord("SERIALIZABLE")) {
                    value = "SERIALIZABLE";
                    consumed = 3;
                } else if (level.isWord("REPEATABLE") && index + 3 < tokens.size() && tokens.get(index + 3).isWord("READ")) {
                    value = "REPEATABLE-READ";
                    consumed = 4;
                } else if (level.isWord("READ") && index + 3 < tokens.size() && tokens.get(index + 3).isWord("COMMITTED")) {
                    value = "READ-COMMITTED";
                    consumed = 4;
                } else if (level.isWord("READ") && index + 3 < tokens.size()
                        && tokens.get(index + 3).isWord("UNCOMMITTED")) {
                    value = "READ-UNCOMMITTED";
                    consumed = 4;
                } else {
                    throw Lexer.syntaxError(sql, level.start());
                }
                warn(session.variables().set("transaction_isolation", scope, value));
                changed("transaction_isolation");
                index += consumed;
            } else if (token.isWord("READ") && index + 1 < tokens.size()
                    && (tokens.get(index + 1).isWord("ONLY") || tokens.get(index + 1).isWord("WRITE"))) {
                warn(session.variables().set("transaction_read_only", scope,
                        tokens.get(index + 1).isWord("ONLY") ? 1L : 0L));
                changed("transaction_read_only");
                index += 2;
            } else if (token.isSymbol(",")) {
                index++;
            } else {
                throw Lexer.syntaxError(sql, token.start());
            }
        }
    }

    private void changed(String... names) {
        for (String each : names) {
            Object value = session.variables().value(each);
            session.variableChanged(each, session.variables().registry().variable(each).showValue(value));
        }
    }

    private void warn(List<VariableWarning> warnings) {
        for (VariableWarning each : warnings) {
            session.addWarning("Warning", each.code(), each.message());
        }
    }
}
