package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.auth.CachingSha2Password;
import dev.doppel.server.auth.MysqlNativePassword;
import dev.doppel.server.security.Account;
import dev.doppel.server.security.ResourceLimits;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * CREATE USER, ALTER USER, DROP USER and RENAME USER with the forms clients and tests need to set up accounts:
 * {@code 'u'@'h' IDENTIFIED [WITH plugin] [BY 'password']}, WITH resource limits, ACCOUNT LOCK|UNLOCK, PASSWORD EXPIRE,
 * IF [NOT] EXISTS.
 * The full account and privilege surface (GRANT, REVOKE, SHOW GRANTS) belongs to the SQL layer's accounts work.
 */
public final class AccountStatement {
    private final Session session;

    public AccountStatement(Session session) {
        this.session = session;
    }

    /** {@code limits}: mysql.user columns of the resource limits the statement sets. */
    private record Spec(String user, String host, String plugin, String password, boolean lock, boolean unlock,
                        boolean expire, Map<String, Long> limits) {
    }

    /** Account statements need the grant tables: 1290 while the server runs with --skip-grant-tables. */
    static void requireGrantTables(Session session) {
        if (session.server().accounts().skippingGrants()) {
            throw MySqlError.ER_OPTION_PREVENTS_STATEMENT.exception("--skip-grant-tables");
        }
    }

    public void execute(String sql, List<Token> tokens) {
        requireGrantTables(session);
        String verb = tokens.get(0).upper();
        if (!verb.equals("ALTER")) {
            requireCreateUser(switch (verb) {
                case "CREATE" -> "INSERT";
                case "DROP" -> "DELETE";
                default -> "UPDATE";
            });
        }
        int index = 2;
        boolean ifClause = false;
        if (verb.equals("CREATE") && index + 2 < tokens.size() && tokens.get(index).isWord("IF")
                && tokens.get(index + 1).isWord("NOT") && tokens.get(index + 2).isWord("EXISTS")) {
            ifClause = true;
            index += 3;
        } else if (!verb.equals("CREATE") && index + 1 < tokens.size() && tokens.get(index).isWord("IF")
                && tokens.get(index + 1).isWord("EXISTS")) {
            ifClause = true;
            index += 2;
        }
        try {
            switch (verb) {
                case "CREATE" -> create(parse(sql, tokens, index), ifClause);
                case "ALTER" -> alter(parse(sql, tokens, index), ifClause);
                case "DROP" -> drop(sql, tokens, index, ifClause);
                case "RENAME" -> rename(sql, tokens, 2);
                default -> throw Lexer.syntaxError(sql, tokens.get(0).start());
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(e, sql, session.schema());
        }
    }

    /** SET PASSWORD [FOR user] = 'password'. */
    public void setPassword(String sql, List<Token> tokens) {
        requireGrantTables(session);
        String[] name = {session.account().user(), session.account().host()};
        int index = 2;
        if (index < tokens.size() && tokens.get(index).isWord("FOR")) {
            index = userName(sql, tokens, index + 1, name);
        }
        if (index + 2 != tokens.size() || !tokens.get(index).isSymbol("=")
                || tokens.get(index + 1).kind() != Token.Kind.STRING) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        try {
            alter(List.of(new Spec(name[0], name[1], null, tokens.get(index + 1).text(), false, false, false, Map.of())),
                    false);
        } catch (SQLException e) {
            throw EngineErrors.translate(e, sql, session.schema());
        }
    }

    /**
     * The accounts of CREATE or ALTER USER: {@code user [IDENTIFIED [WITH plugin] [BY 'password']] [, ...]}, each with
     * its own authentication, then the options that apply to all of them.
     */
    private List<Spec> parse(String sql, List<Token> tokens, int index) {
        List<String[]> names = new ArrayList<>();
        List<String[]> authentications = new ArrayList<>();
        while (true) {
            String[] name = new String[2];
            index = userName(sql, tokens, index, name);
            String[] authentication = new String[2];
            if (index < tokens.size() && tokens.get(index).isWord("IDENTIFIED")) {
                index = identified(sql, tokens, index + 1, authentication);
            }
            names.add(name);
            authentications.add(authentication);
            if (index < tokens.size() && tokens.get(index).isSymbol(",")) {
                index++;
            } else {
                break;
            }
        }
        boolean lock = false;
        boolean unlock = false;
        boolean expire = false;
        Map<String, Long> limits = new LinkedHashMap<>();
        while (index < tokens.size()) {
            Token token = tokens.get(index);
            if (token.isWord("ACCOUNT") && index + 1 < tokens.size()) {
                lock = tokens.get(index + 1).isWord("LOCK");
                unlock = tokens.get(index + 1).isWord("UNLOCK");
                if (!lock && !unlock) {
                    throw Lexer.syntaxError(sql, tokens.get(index + 1).start());
                }
                index += 2;
            } else if (token.isWord("WITH")) {
                index = resourceLimits(sql, tokens, index + 1, limits);
            } else if (token.isWord("PASSWORD") && index + 1 < tokens.size() && tokens.get(index + 1).isWord("EXPIRE")) {
                expire = true;
                index += 2;
            } else {
                throw Lexer.syntaxError(sql, token.start());
            }
        }
        List<Spec> result = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String plugin = authentications.get(i)[0];
            if (plugin != null && (!(plugin.equals(CachingSha2Password.PLUGIN_NAME)
                    || plugin.equals(MysqlNativePassword.PLUGIN_NAME)) || !session.server().plugins().isActive(plugin))) {
                throw MySqlError.ER_PLUGIN_IS_NOT_LOADED.exception(plugin);
            }
            result.add(new Spec(names.get(i)[0], names.get(i)[1], plugin, authentications.get(i)[1], lock, unlock,
                    expire, limits));
        }
        return result;
    }

    /** After IDENTIFIED: [WITH plugin] [BY 'password'] into {plugin, password}; returns the next index. */
    private static int identified(String sql, List<Token> tokens, int index, String[] authentication) {
        if (index < tokens.size() && tokens.get(index).isWord("WITH")) {
            authentication[0] = expectName(sql, tokens, index + 1).toLowerCase(Locale.ROOT);
            index += 2;
        }
        if (index < tokens.size() && tokens.get(index).isWord("BY")) {
            if (index + 1 >= tokens.size() || tokens.get(index + 1).kind() != Token.Kind.STRING) {
                throw Lexer.syntaxError(sql, index + 1 < tokens.size() ? tokens.get(index + 1).start() : sql.length());
            }
            authentication[1] = tokens.get(index + 1).text();
            index += 2;
        }
        return index;
    }

    /** WITH MAX_QUERIES_PER_HOUR n [MAX_UPDATES_PER_HOUR n ...]: one or more, into {@code limits}; the next index. */
    private static int resourceLimits(String sql, List<Token> tokens, int index, Map<String, Long> limits) {
        int first = index;
        while (index + 1 < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD
                && ResourceLimits.COLUMNS.containsKey(tokens.get(index).upper())
                && tokens.get(index + 1).kind() == Token.Kind.NUMBER && tokens.get(index + 1).text().matches("\\d{1,18}")) {
            limits.put(ResourceLimits.COLUMNS.get(tokens.get(index).upper()), Long.parseLong(tokens.get(index + 1).text()));
            index += 2;
        }
        if (index == first) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        return index;
    }

    /** Reads user[@host], CURRENT_USER or CURRENT_USER() at {@code index} into name; returns the next index. */
    int userName(String sql, List<Token> tokens, int index, String[] name) {
        if (index >= tokens.size()) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        if (index + 2 < tokens.size() && (tokens.get(index).isWord("USER") || tokens.get(index).isWord("CURRENT_USER"))
                && tokens.get(index + 1).isSymbol("(") && tokens.get(index + 2).isSymbol(")")) {
            name[0] = session.account().user();
            name[1] = session.account().host();
            return index + 3;
        }
        if (tokens.get(index).isWord("CURRENT_USER")) {
            name[0] = session.account().user();
            name[1] = session.account().host();
            return index + 1;
        }
        name[0] = expectName(sql, tokens, index);
        name[1] = "%";
        index++;
        if (index < tokens.size() && tokens.get(index).kind() == Token.Kind.USER_VARIABLE) {
            name[1] = tokens.get(index).text();
            index++;
        } else if (index + 1 < tokens.size() && tokens.get(index).isSymbol("@")) {
            name[1] = expectName(sql, tokens, index + 1);
            index += 2;
        }
        return index;
    }

    private static String expectName(String sql, List<Token> tokens, int index) {
        if (index >= tokens.size()) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        Token token = tokens.get(index);
        if (!token.isIdentifier() && token.kind() != Token.Kind.STRING) {
            throw Lexer.syntaxError(sql, token.start());
        }
        return token.text();
    }

    /** All or none, as in MySQL: 1396 names every account that exists already. */
    private void create(List<Spec> specs, boolean ifNotExists) throws SQLException {
        for (Spec spec : allOrNone("CREATE USER", specs, true, ifNotExists)) {
            String plugin = spec.plugin() == null ? CachingSha2Password.PLUGIN_NAME : spec.plugin();
            session.server().accounts().create(spec.user(), spec.host(), plugin, hash(plugin, spec.password()),
                    spec.expire(), spec.lock(), Set.of());
            session.server().accounts().setResourceLimits(spec.user(), spec.host(), spec.limits());
        }
    }

    /**
     * The accounts a statement of several acts on: those that exist ({@code failIfPresent}) or do not are 1396 all
     * together before anything changes, or with IF [NOT] EXISTS ({@code ifClause}) each a note (3163, 3162) and left
     * out, as MySQL does.
     */
    private List<Spec> allOrNone(String statement, List<Spec> specs, boolean failIfPresent, boolean ifClause) {
        List<Spec> failing = specs.stream().filter(spec ->
                session.server().accounts().find(spec.user(), spec.host()).isPresent() == failIfPresent).toList();
        if (!failing.isEmpty() && !ifClause) {
            throw MySqlError.ER_CANNOT_USER.exception(statement, quoted(failing));
        }
        for (Spec each : failing) {
            session.addWarning("Note", failIfPresent ? 3163 : 3162, "Authorization ID " + quoted(List.of(each))
                    + (failIfPresent ? " already exists." : " does not exist."));
        }
        return specs.stream().filter(spec -> !failing.contains(spec)).toList();
    }

    /** CREATE USER, or as MySQL allows, the write privilege on the mysql schema the statement needs (1227). */
    private void requireCreateUser(String mysqlSchemaPrivilege) {
        if (!session.privileges().hasOnDatabase(mysqlSchemaPrivilege, "mysql")) {
            session.privileges().requireGlobal("CREATE USER");
        }
    }

    private boolean isSelf(Spec spec) {
        return spec.user().equals(session.account().user()) && spec.host().equals(session.account().host());
    }

    /** A user may change its own password; anything else needs CREATE USER. All or none: 1396 names the missing. */
    private void alter(List<Spec> specs, boolean ifExists) throws SQLException {
        for (Spec spec : specs) {
            if (!isSelf(spec) || spec.plugin() != null || spec.lock() || spec.unlock() || spec.expire()
                    || !spec.limits().isEmpty()) {
                requireCreateUser("UPDATE");
            }
        }
        for (Spec spec : allOrNone("ALTER USER", specs, false, ifExists)) {
            alterOne(spec, session.server().accounts().find(spec.user(), spec.host()).orElseThrow());
        }
    }

    private void alterOne(Spec spec, Account existing) throws SQLException {
        if (spec.plugin() != null || spec.password() != null) {
            String plugin = spec.plugin() == null ? existing.plugin() : spec.plugin();
            session.server().accounts().changeAuthentication(spec.user(), spec.host(), plugin,
                    hash(plugin, spec.password()));
            session.server().sha2Cache().invalidate(spec.user(), spec.host());
            if (isSelf(spec)) {
                session.passwordChanged();
            }
        }
        if (spec.lock() || spec.unlock()) {
            session.server().accounts().setLocked(spec.user(), spec.host(), spec.lock());
        }
        session.server().accounts().setResourceLimits(spec.user(), spec.host(), spec.limits());
    }

    /** All or none, as in MySQL: 1396 names every account that does not exist. */
    private void drop(String sql, List<Token> tokens, int index, boolean ifExists) throws SQLException {
        List<Spec> specs = new ArrayList<>();
        while (index < tokens.size()) {
            String[] name = new String[2];
            index = userName(sql, tokens, index, name);
            specs.add(new Spec(name[0], name[1], null, null, false, false, false, Map.of()));
            if (index < tokens.size() && tokens.get(index).isSymbol(",")) {
                index++;
            } else if (index < tokens.size()) {
                throw Lexer.syntaxError(sql, tokens.get(index).start());
            }
        }
        for (Spec spec : allOrNone("DROP USER", specs, false, ifExists)) {
            session.server().accounts().drop(spec.user(), spec.host());
            session.server().sha2Cache().invalidate(spec.user(), spec.host());
        }
    }

    /**
     * RENAME USER old TO new [, old TO new]: all or none, as in MySQL; 1396 names each old account that is missing or
     * whose new name exists (counting the renames before it in the statement).
     */
    private void rename(String sql, List<Token> tokens, int index) throws SQLException {
        List<String[]> pairs = new ArrayList<>();
        while (index < tokens.size()) {
            String[] pair = new String[4];
            String[] from = new String[2];
            String[] to = new String[2];
            index = userName(sql, tokens, index, from);
            if (index >= tokens.size() || !tokens.get(index).isWord("TO")) {
                throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
            }
            index = userName(sql, tokens, index + 1, to);
            pair[0] = from[0];
            pair[1] = from[1];
            pair[2] = to[0];
            pair[3] = to[1];
            pairs.add(pair);
            if (index < tokens.size() && tokens.get(index).isSymbol(",")) {
                index++;
            } else if (index < tokens.size()) {
                throw Lexer.syntaxError(sql, tokens.get(index).start());
            }
        }
        // the renames one after the other, as MySQL checks them, before any is made
        Set<String> removed = new HashSet<>();
        Set<String> added = new HashSet<>();
        List<Spec> failed = new ArrayList<>();
        for (String[] pair : pairs) {
            String from = key(pair[0], pair[1]);
            String to = key(pair[2], pair[3]);
            if (!exists(pair[0], pair[1], removed, added) || exists(pair[2], pair[3], removed, added)) {
                failed.add(new Spec(pair[0], pair[1], null, null, false, false, false, Map.of()));
                continue;
            }
            added.remove(from);
            removed.add(from);
            removed.remove(to);
            added.add(to);
        }
        if (!failed.isEmpty()) {
            throw MySqlError.ER_CANNOT_USER.exception("RENAME USER", quoted(failed));
        }
        for (String[] pair : pairs) {
            session.server().accounts().rename(pair[0], pair[1], pair[2], pair[3]);
            session.server().sha2Cache().invalidate(pair[0], pair[1]);
        }
    }

    private boolean exists(String user, String host, Set<String> removed, Set<String> added) {
        String key = key(user, host);
        return added.contains(key) || !removed.contains(key) && session.server().accounts().find(user, host).isPresent();
    }

    private static String key(String user, String host) {
        return user + "\u0000" + host;
    }

    private static String hash(String plugin, String password) {
        if (password == null || password.isEmpty()) {
            return "";
        }
        return plugin.equals(MysqlNativePassword.PLUGIN_NAME) ? MysqlNativePassword.storedHash(password)
                : CachingSha2Password.storedHash(password);
    }

    /** 'user'@'host' of each, joined by commas as MySQL's 1396 lists them. */
    private static String quoted(List<Spec> specs) {
        StringBuilder out = new StringBuilder();
        for (Spec spec : specs) {
            out.append(out.isEmpty() ? "" : ",").append('\'').append(spec.user()).append("'@'").append(spec.host())
                    .append('\'');
        }
        return out.toString();
    }
}
