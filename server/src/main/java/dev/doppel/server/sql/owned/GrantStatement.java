package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.security.Account;
import dev.doppel.server.security.AccountStore;
import dev.doppel.server.security.PrivilegeChecker;
import dev.doppel.server.security.Privileges;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.results.TextResult;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * GRANT and REVOKE of static and dynamic privileges at the global (*.*), database (db.*) and table (db.t) levels,
 * REVOKE ALL PRIVILEGES, GRANT OPTION FROM user, and SHOW GRANTS [FOR user]. The grantor needs GRANT OPTION and
 * the granted privileges at the level (or above), as in MySQL; dynamic privileges need to be held WITH GRANT OPTION.
 */
public final class GrantStatement {
    private static final List<String> MULTI_WORD = Privileges.STATIC.keySet().stream()
            .filter(each -> each.contains(" ")).toList();

    private final Session session;
    private final AccountStatement accounts;

    public GrantStatement(Session session, AccountStatement accounts) {
        this.session = session;
        this.accounts = accounts;
    }

    /** Where a grant applies: database null for *.*, table null for db.*. */
    private record Level(String database, String table) {
        boolean global() {
            return database == null;
        }

        boolean onTable() {
            return table != null;
        }

        String text() {
            return global() ? "*.*" : quote(database) + "." + (table == null ? "*" : quote(table));
        }
    }

    public void execute(String sql, List<Token> tokens) {
        AccountStatement.requireGrantTables(session);
        boolean grant = tokens.get(0).isWord("GRANT");
        Set<String> privileges = new LinkedHashSet<>();
        int index = privilegeList(sql, tokens, 1, privileges);
        try {
            if (!grant && privileges.equals(Set.of("ALL", "GRANT OPTION")) && index < tokens.size()
                    && tokens.get(index).isWord("FROM")) {
                revokeAll(sql, tokens, index + 1);
                return;
            }
            if (index >= tokens.size() || !tokens.get(index).isWord("ON")) {
                throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
            }
            Level level = level(sql, tokens, index + 1);
            index = levelEnd(tokens, index + 1);
            if (index >= tokens.size() || !tokens.get(index).isWord(grant ? "TO" : "FROM")) {
                throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
            }
            List<String[]> users = new ArrayList<>();
            index = users(sql, tokens, index + 1, users);
            if (grant && index + 2 < tokens.size() && tokens.get(index).isWord("WITH")
                    && tokens.get(index + 1).isWord("GRANT") && tokens.get(index + 2).isWord("OPTION")) {
                privileges.add("GRANT OPTION");
                index += 3;
            }
            if (index < tokens.size()) {
                throw Lexer.syntaxError(sql, tokens.get(index).start());
            }
            Set<String> expanded = expand(privileges, level);
            checkLevel(expanded, level);
            checkGrantor(expanded, level);
            AccountStore store = session.server().accounts();
            List<Account> targets = new ArrayList<>();
            for (String[] each : users) {
                Account target = store.find(each[0], each[1]).orElse(null);
                if (target == null) {
                    throw grant ? MySqlError.ER_CANT_CREATE_USER_WITH_GRANT.exception()
                            : MySqlError.ER_NONEXISTING_GRANT.exception(each[0], each[1]);
                }
                targets.add(target);
            }
            for (Account each : targets) {
                apply(each, expanded, level, grant);
            }
            store.reload();
        } catch (SQLException e) {
            throw EngineErrors.translate(e, sql, session.schema());
        }
    }

    /** SHOW GRANTS [FOR user | FOR CURRENT_USER[()]]: one row per level, as MySQL 8.4 prints them. */
    public TextResult show(String sql, List<Token> tokens) {
        AccountStatement.requireGrantTables(session);
        String[] name = {session.account().user(), session.account().host()};
        int index = 2;
        if (index < tokens.size() && tokens.get(index).isWord("FOR")) {
            index = accounts.userName(sql, tokens, index + 1, name);
        }
        if (index < tokens.size()) {
            throw Lexer.syntaxError(sql, tokens.get(index).start());
        }
        PrivilegeChecker checker = session.privileges();
        boolean self = name[0].equals(session.account().user()) && name[1].equalsIgnoreCase(session.account().host());
        if (!self && !checker.hasOnDatabase("SELECT", "mysql")) {
            throw checker.databaseDenied("mysql");
        }
        Account account = session.server().accounts().find(name[0], name[1])
                .orElseThrow(() -> MySqlError.ER_NONEXISTING_GRANT.exception(name[0], name[1]));
        String to = " TO `" + account.user().replace("`", "``") + "`@`" + account.host().replace("`", "``") + "`";
        TextResult result = TextResult.of("Grants for " + account.user() + "@" + account.host());
        List<String> global = new ArrayList<>();
        for (String each : Privileges.STATIC.keySet()) {
            if (!each.equals("GRANT OPTION") && account.hasGlobalPrivilege(each)) {
                global.add(each);
            }
        }
        boolean globalGrantOption = account.hasGlobalPrivilege("GRANT OPTION");
        result.row("GRANT " + (global.isEmpty() ? "USAGE" : String.join(", ", global)) + " ON *.*" + to
                + (globalGrantOption ? " WITH GRANT OPTION" : ""));
        Set<String> dynamic = new TreeSet<>();
        Set<String> grantableDynamic = new TreeSet<>();
        for (String each : account.globalPrivileges()) {
            if (!Privileges.STATIC.containsKey(each)) {
                (account.grantableDynamic().contains(each) ? grantableDynamic : dynamic).add(each);
            }
        }
        if (!dynamic.isEmpty()) {
            result.row("GRANT " + String.join(",", dynamic) + " ON *.*" + to);
        }
        if (!grantableDynamic.isEmpty()) {
            result.row("GRANT " + String.join(",", grantableDynamic) + " ON *.*" + to + " WITH GRANT OPTION");
        }
        for (Map.Entry<String, Set<String>> each : new TreeMap<>(account.databasePrivileges()).entrySet()) {
            result.row(grantLine(each.getValue(), Privileges.DATABASE, new Level(each.getKey(), null), to));
        }
        Map<String, Set<String>> tables = new TreeMap<>();
        for (Map.Entry<Account.TableName, Set<String>> each : account.tablePrivileges().entrySet()) {
            tables.put(each.getKey().database() + "\u0000" + each.getKey().table(), each.getValue());
        }
        for (Map.Entry<String, Set<String>> each : tables.entrySet()) {
            String[] parts = each.getKey().split("\u0000", 2);
            result.row(grantLine(each.getValue(), Privileges.TABLE, new Level(parts[0], parts[1]), to));
        }
        RoutineGrants.showLines(account, to).forEach(result::row);
        return result;
    }

    private static String grantLine(Set<String> held, List<String> levelPrivileges, Level level, String to) {
        List<String> listed = new ArrayList<>();
        for (String each : levelPrivileges) {
            if (!each.equals("GRANT OPTION") && held.contains(each)) {
                listed.add(each);
            }
        }
        String privileges = listed.isEmpty() ? "USAGE"
                : listed.size() == levelPrivileges.size() - 1 ? "ALL PRIVILEGES" : String.join(", ", listed);
        return "GRANT " + privileges + " ON " + level.text() + to
                + (held.contains("GRANT OPTION") ? " WITH GRANT OPTION" : "");
    }

    /** Reads priv [, priv]... up to ON (or FROM); ALL [PRIVILEGES] becomes "ALL", USAGE nothing. */
    private static int privilegeList(String sql, List<Token> tokens, int index, Set<String> result) {
        while (true) {
            if (index >= tokens.size() || tokens.get(index).kind() != Token.Kind.WORD
                    && tokens.get(index).kind() != Token.Kind.QUOTED_IDENTIFIER) {
                throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
            }
            String word = tokens.get(index).upper();
            String matched = null;
            int length = 1;
            for (String each : MULTI_WORD) {
                String[] words = each.split(" ");
                if (words[0].equals(word) && index + words.length <= tokens.size()) {
                    boolean all = true;
                    for (int i = 1; i < words.length; i++) {
                        all &= tokens.get(index + i).isWord(words[i]);
                    }
                    if (all && words.length > length) {
                        matched = each;
                        length = words.length;
                    }
                }
            }
            if (matched == null) {
                if (word.equals("ALL")) {
                    matched = "ALL";
                    if (index + 1 < tokens.size() && tokens.get(index + 1).isWord("PRIVILEGES")) {
                        length = 2;
                    }
                } else if (Privileges.STATIC.containsKey(word) || Privileges.isDynamic(word) || word.equals("USAGE")) {
                    matched = word;
                } else {
                    throw Lexer.syntaxError(sql, tokens.get(index).start());
                }
            }
            if (!matched.equals("USAGE")) {
                result.add(matched);
            }
            index += length;
            if (index < tokens.size() && tokens.get(index).isSymbol(",")) {
                index++;
            } else {
                return index;
            }
        }
    }

    private Level level(String sql, List<Token> tokens, int index) {
        if (index >= tokens.size()) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        Token first = tokens.get(index);
        boolean dotted = index + 2 < tokens.size() && tokens.get(index + 1).isSymbol(".");
        if (first.isSymbol("*")) {
            if (dotted && tokens.get(index + 2).isSymbol("*")) {
                return new Level(null, null);
            }
            return new Level(currentDatabase(), null);
        }
        if (!first.isIdentifier()) {
            throw Lexer.syntaxError(sql, first.start());
        }
        if (dotted) {
            Token second = tokens.get(index + 2);
            if (second.isSymbol("*")) {
                return new Level(first.text(), null);
            }
            if (!second.isIdentifier()) {
                throw Lexer.syntaxError(sql, second.start());
            }
            return new Level(first.text(), second.text());
        }
        return new Level(currentDatabase(), first.text());
    }

    private String currentDatabase() {
        if (session.schema() == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        return session.schema();
    }

    private static int levelEnd(List<Token> tokens, int index) {
        return index + 1 < tokens.size() && tokens.get(index + 1).isSymbol(".") ? index + 3 : index + 1;
    }

    private int users(String sql, List<Token> tokens, int index, List<String[]> users) {
        while (true) {
            String[] name = new String[2];
            index = accounts.userName(sql, tokens, index, name);
            users.add(name);
            if (index < tokens.size() && tokens.get(index).isSymbol(",")) {
                index++;
            } else {
                return index;
            }
        }
    }

    /** ALL [PRIVILEGES] becomes every privilege the level takes (GRANT OPTION aside). */
    private static Set<String> expand(Set<String> privileges, Level level) {
        Set<String> result = new LinkedHashSet<>();
        for (String each : privileges) {
            if (!each.equals("ALL")) {
                result.add(each);
            } else if (level.global()) {
                Privileges.STATIC.keySet().stream().filter(p -> !p.equals("GRANT OPTION")).forEach(result::add);
                result.addAll(Privileges.DYNAMIC);
            } else {
                (level.onTable() ? Privileges.TABLE : Privileges.DATABASE).stream()
                        .filter(p -> !p.equals("GRANT OPTION")).forEach(result::add);
            }
        }
        return result;
    }

    /** Dynamic privileges are global only (3619); a database takes DB privileges (1221), a table fewer (1144). */
    private static void checkLevel(Set<String> privileges, Level level) {
        if (level.global()) {
            return;
        }
        for (String each : privileges) {
            if (Privileges.isDynamic(each)) {
                throw MySqlError.ER_ILLEGAL_PRIVILEGE_LEVEL.exception(level.onTable() ? level.table() : each);
            }
        }
        for (String each : privileges) {
            if (level.onTable() && !Privileges.TABLE.contains(each)) {
                throw MySqlError.ER_ILLEGAL_GRANT_FOR_TABLE.exception();
            }
            if (!level.onTable() && !Privileges.DATABASE.contains(each)) {
                throw MySqlError.ER_WRONG_USAGE.exception("DB GRANT", "GLOBAL PRIVILEGES");
            }
        }
    }

    /**
     * The grantor must hold GRANT OPTION and every static privilege at the level: otherwise 1045 (global), 1044
     * (database) or 1142 (table), as MySQL's check_access reports it. A dynamic privilege must be held WITH GRANT
     * OPTION (1227).
     */
    private void checkGrantor(Set<String> privileges, Level level) {
        PrivilegeChecker checker = session.privileges();
        List<String> needed = new ArrayList<>();
        for (String each : privileges) {
            if (Privileges.STATIC.containsKey(each)) {
                needed.add(each);
            }
        }
        boolean onlyDynamic = needed.isEmpty() && !privileges.isEmpty();
        if (!onlyDynamic) {
            needed.add("GRANT OPTION");
        }
        for (String each : needed) {
            boolean held = level.global() ? checker.hasGlobal(each)
                    : level.onTable() ? checker.hasOnTable(each, level.database(), level.table())
                    : checker.hasOnDatabase(each, level.database());
            if (held) {
                continue;
            }
            if (level.global()) {
                throw MySqlError.ER_ACCESS_DENIED_ERROR.exception(session.user(), session.host(),
                        session.connection().usingPassword() ? "YES" : "NO");
            }
            if (!level.onTable()) {
                throw checker.databaseDenied(level.database());
            }
            throw MySqlError.ER_TABLEACCESS_DENIED_ERROR.exception(each.equals("GRANT OPTION") ? "GRANT" : each,
                    session.user(), session.host(), level.table());
        }
        for (String each : privileges) {
            if (Privileges.isDynamic(each) && !checker.canGrantDynamic(each)) {
                throw MySqlError.ER_SPECIFIC_ACCESS_DENIED_ERROR.exception("GRANT OPTION");
            }
        }
    }

    private void apply(Account target, Set<String> privileges, Level level, boolean grant)
            throws SQLException {
        AccountStore store = session.server().accounts();
        if (level.global()) {
            Set<String> held = new HashSet<>(target.globalPrivileges());
            Set<String> grantable = new HashSet<>(target.grantableDynamic());
            if (grant) {
                held.addAll(privileges);
                if (privileges.contains("GRANT OPTION")) {
                    privileges.stream().filter(Privileges::isDynamic).forEach(grantable::add);
                }
            } else {
                held.removeAll(privileges);
                grantable.removeAll(privileges);
                if (privileges.contains("GRANT OPTION")) {
                    grantable.clear();
                }
            }
            store.setGlobalPrivileges(target.user(), target.host(), held, grantable);
            return;
        }
        String user = target.user();
        String host = target.host();
        if (!level.onTable()) {
            Set<String> held = target.databasePrivileges().get(level.database().toLowerCase());
            if (!grant && held == null) {
                throw MySqlError.ER_NONEXISTING_GRANT.exception(user, host);
            }
            Set<String> updated = new HashSet<>(held == null ? Set.of() : held);
            change(updated, privileges, grant);
            store.setDatabasePrivileges(user, host, level.database(), updated);
            return;
        }
        Account.TableName table = Account.TableName.of(level.database(), level.table());
        Set<String> held = target.tablePrivileges().get(table);
        if (!grant && held == null) {
            throw MySqlError.ER_NONEXISTING_TABLE_GRANT.exception(user, host, level.table());
        }
        Set<String> updated = new HashSet<>(held == null ? Set.of() : held);
        change(updated, privileges, grant);
        store.setTablePrivileges(user, host, table, updated, session.account().user() + "@" + session.account().host());
    }

    private static void change(Set<String> held, Set<String> privileges, boolean grant) {
        if (grant) {
            held.addAll(privileges);
        } else {
            held.removeAll(privileges);
        }
    }

    /** REVOKE ALL [PRIVILEGES], GRANT OPTION FROM user [, user]: needs CREATE USER or UPDATE on mysql. */
    private void revokeAll(String sql, List<Token> tokens, int index) throws SQLException {
        PrivilegeChecker checker = session.privileges();
        if (!checker.hasGlobal("CREATE USER") && !checker.hasOnDatabase("UPDATE", "mysql")) {
            throw MySqlError.ER_SPECIFIC_ACCESS_DENIED_ERROR.exception("CREATE USER");
        }
        List<String[]> users = new ArrayList<>();
        index = users(sql, tokens, index, users);
        if (index < tokens.size()) {
            throw Lexer.syntaxError(sql, tokens.get(index).start());
        }
        AccountStore store = session.server().accounts();
        List<Account> targets = new ArrayList<>();
        for (String[] each : users) {
            targets.add(store.find(each[0], each[1]).orElseThrow(GrantStatement::revokeAllFailed));
        }
        for (Account each : targets) {
            store.setGlobalPrivileges(each.user(), each.host(), Set.of(), Set.of());
            for (String database : each.databasePrivileges().keySet()) {
                store.setDatabasePrivileges(each.user(), each.host(), database, Set.of());
            }
            for (Account.TableName table : each.tablePrivileges().keySet()) {
                store.setTablePrivileges(each.user(), each.host(), table, Set.of(), "");
            }
        }
        store.reload();
    }

    private static MySqlException revokeAllFailed() {
        return MySqlError.ER_REVOKE_GRANTS.exception();
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
