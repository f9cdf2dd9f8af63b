package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.security.Account;
import dev.doppel.server.security.AccountStore;
import dev.doppel.server.security.PrivilegeChecker;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.Token;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * GRANT and REVOKE of EXECUTE, ALTER ROUTINE and GRANT OPTION ON PROCEDURE | FUNCTION db.name (mysql.procs_priv),
 * and their SHOW GRANTS lines. Any other privilege at this level is 1144; the routine must exist (1305).
 */
public final class RoutineGrants {
    private static final List<String> ORDER = List.of("EXECUTE", "ALTER ROUTINE");

    private final Session session;
    private final AccountStatement accounts;

    public RoutineGrants(Session session, AccountStatement accounts) {
        this.session = session;
        this.accounts = accounts;
    }

    /** GRANT | REVOKE ... ON PROCEDURE | FUNCTION ... */
    public static boolean matches(List<Token> tokens) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("ON")) {
                return tokens.get(i + 1).isWord("PROCEDURE") || tokens.get(i + 1).isWord("FUNCTION");
            }
        }
        return false;
    }

    public void execute(String sql, List<Token> tokens) {
        AccountStatement.requireGrantTables(session);
        boolean grant = tokens.get(0).isWord("GRANT");
        Set<String> privileges = new LinkedHashSet<>();
        int index = 1;
        while (!tokens.get(index).isWord("ON")) {
            Token word = tokens.get(index);
            if (word.isWord("EXECUTE")) {
                privileges.add("EXECUTE");
                index++;
            } else if (word.isWord("ALTER") && tokens.get(index + 1).isWord("ROUTINE")) {
                privileges.add("ALTER ROUTINE");
                index += 2;
            } else if (word.isWord("GRANT") && tokens.get(index + 1).isWord("OPTION")) {
                privileges.add("GRANT OPTION");
                index += 2;
            } else if (word.isWord("ALL")) {
                privileges.addAll(ORDER);
                index += tokens.get(index + 1).isWord("PRIVILEGES") ? 2 : 1;
            } else if (word.kind() == Token.Kind.WORD) {
                throw MySqlError.ER_ILLEGAL_GRANT_FOR_TABLE.exception();
            } else {
                throw Lexer.syntaxError(sql, word.start());
            }
            if (tokens.get(index).isSymbol(",")) {
                index++;
            }
        }
        String type = tokens.get(index + 1).upper();
        index += 2;
        if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        QualifiedName name = QualifiedName.at(tokens, index);
        String schema = name.qualifierOr(session.schema());
        if (schema == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        index = name.next();
        if (index >= tokens.size() || !tokens.get(index).isWord(grant ? "TO" : "FROM")) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        List<String[]> users = new ArrayList<>();
        index++;
        while (true) {
            String[] user = new String[2];
            index = accounts.userName(sql, tokens, index, user);
            users.add(user);
            if (index < tokens.size() && tokens.get(index).isSymbol(",")) {
                index++;
            } else {
                break;
            }
        }
        if (grant && index + 2 < tokens.size() && tokens.get(index).isWord("WITH")
                && tokens.get(index + 1).isWord("GRANT") && tokens.get(index + 2).isWord("OPTION")) {
            privileges.add("GRANT OPTION");
            index += 3;
        }
        if (index < tokens.size()) {
            throw Lexer.syntaxError(sql, tokens.get(index).start());
        }
        if (session.server().routines().find(type, schema, name.name()) == null) {
            throw MySqlError.ER_SP_DOES_NOT_EXIST.exception(type, schema + "." + name.name());
        }
        PrivilegeChecker checker = session.privileges();
        for (String each : privileges) {
            if (!checker.hasOnRoutine(each, schema, type, name.name())
                    || !checker.hasOnRoutine("GRANT OPTION", schema, type, name.name())) {
                throw MySqlError.ER_PROCACCESS_DENIED_ERROR.exception("grant", session.user(), session.host(),
                        schema + "." + name.name());
            }
        }
        Account.RoutineName routine = Account.RoutineName.of(schema, type, name.name());
        AccountStore store = session.server().accounts();
        try {
            for (String[] each : users) {
                Account target = store.find(each[0], each[1]).orElseThrow(() -> grant
                        ? MySqlError.ER_CANT_CREATE_USER_WITH_GRANT.exception()
                        : MySqlError.ER_NONEXISTING_GRANT.exception(each[0], each[1]));
                Set<String> held = target.routinePrivileges().get(routine);
                if (!grant && held == null) {
                    throw MySqlError.ER_NONEXISTING_PROC_GRANT.exception(each[0], each[1], name.name());
                }
                Set<String> updated = new HashSet<>(held == null ? Set.of() : held);
                if (grant) {
                    updated.addAll(privileges);
                } else {
                    updated.removeAll(privileges);
                }
                store.setRoutinePrivileges(target.user(), target.host(), routine, updated,
                        session.account().user() + "@" + session.account().host());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write mysql.procs_priv", e);
        }
    }

    /** SHOW GRANTS' lines for an account's routine grants, as MySQL 8.4 prints them. */
    static List<String> showLines(Account account, String to) {
        Map<String, Map.Entry<Account.RoutineName, Set<String>>> sorted = new TreeMap<>();
        for (Map.Entry<Account.RoutineName, Set<String>> each : account.routinePrivileges().entrySet()) {
            sorted.put(each.getKey().database() + "\u0000" + each.getKey().type() + "\u0000" + each.getKey().name(), each);
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Account.RoutineName, Set<String>> each : sorted.values()) {
            List<String> listed = new ArrayList<>();
            for (String privilege : ORDER) {
                if (each.getValue().contains(privilege)) {
                    listed.add(privilege);
                }
            }
            Account.RoutineName routine = each.getKey();
            lines.add("GRANT " + (listed.isEmpty() ? "USAGE" : String.join(", ", listed)) + " ON " + routine.type()
                    + " `" + routine.database().replace("`", "``") + "`.`" + routine.name().replace("`", "``") + "`"
                    + to + (each.getValue().contains("GRANT OPTION") ? " WITH GRANT OPTION" : ""));
        }
        return lines;
    }
}
