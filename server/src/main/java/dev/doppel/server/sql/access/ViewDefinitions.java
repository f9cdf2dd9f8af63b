package dev.doppel.server.sql.access;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.ViewDefinerComment;
import dev.doppel.server.security.Account;
import dev.doppel.server.security.PrivilegeChecker;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A view's definer and SQL SECURITY, as MySQL checks them whenever a view is read: a DEFINER view (the default) reads
 * its tables with its definer's privileges, an INVOKER view with the reader's; a definer or invoker lacking SELECT on
 * one of the view's tables (through nested views too) gets 1356, a definer that no longer exists 1449.
 *
 * <p>CREATE VIEW takes {@code ALGORITHM=}, {@code DEFINER=} and {@code SQL SECURITY} (which the engine does not know)
 * off the statement, and keeps the definer, the security type and the view's MySQL text in the engine's comment on
 * the view. Views made before this have no such comment and are read as before (privileges on the view only).
 */
public final class ViewDefinitions {
    private static final int MAX_DEPTH = 16;

    /** Bumped by every DDL statement: the cache below is read again after one. */
    private static final AtomicLong DDL_VERSION = new AtomicLong();
    private static volatile Map<String, View> cache = Map.of();
    private static volatile java.util.Set<String> viewNames = java.util.Set.of();
    private static volatile long cachedVersion = -1;

    /** What a CREATE VIEW says of its definer, and the statement without the clauses the engine does not know. */
    public record Created(SqlText statement, String schema, String name, String user, String host, boolean invoker, String select) {
    }

    private record View(String schema, String name, String user, String host, boolean invoker, String select) {
    }

    private ViewDefinitions() {
    }

    /** Some DDL ran: views may have changed. */
    public static void ddlRan() {
        DDL_VERSION.incrementAndGet();
    }

    /**
     * ALTER [ALGORITHM=..] [DEFINER=..] [SQL SECURITY ..] VIEW v AS ...: MySQL's CREATE OR REPLACE of a view that
     * exists (1146 otherwise), with the same privileges; null for any other statement.
     */
    public static SqlText alterAsCreate(SqlText statement) {
        List<Token> tokens = statement.tokens();
        if (tokens.size() < 3 || !tokens.get(0).isWord("ALTER")) {
            return null;
        }
        int i = 1;
        while (i < tokens.size() && !tokens.get(i).isWord("VIEW")) {
            if (tokens.get(i).isWord("TABLE") || tokens.get(i).isWord("DATABASE") || tokens.get(i).isWord("SCHEMA")
                    || tokens.get(i).isWord("USER")) {
                return null;
            }
            i++;
        }
        if (i + 1 >= tokens.size() || !tokens.get(i + 1).isIdentifier()) {
            return null;
        }
        TextEdits edits = new TextEdits();
        edits.replace(0, tokens.get(1).start(), "CREATE OR REPLACE ");
        return edits.applyTo(statement);
    }

    /** For an ALTER VIEW, once its privileges are checked: the view must exist (1146). */
    public static void requireExisting(Created view, Session session) throws SQLException {
        try (var statement = session.engineConnection().prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.VIEWS"
                + " WHERE LOWER(TABLE_SCHEMA) = LOWER(?) AND LOWER(TABLE_NAME) = LOWER(?)")) {
            statement.setString(1, view.schema());
            statement.setString(2, view.name());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw MySqlError.ER_NO_SUCH_TABLE.exception(view.schema(), view.name());
                }
            }
        }
    }

    /** CREATE [OR REPLACE] [ALGORITHM=..] [DEFINER=..] [SQL SECURITY ..] VIEW ...; null for any other statement. */
    public static Created parseCreate(SqlText statement, Session session) {
        List<Token> tokens = statement.tokens();
        String sql = statement.sql();
        if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE")) {
            return null;
        }
        int i = 1;
        if (i + 1 < tokens.size() && tokens.get(i).isWord("OR") && tokens.get(i + 1).isWord("REPLACE")) {
            i += 2;
        }
        int clausesStart = i;
        String user = session.account().user();
        String host = session.account().host();
        boolean invoker = false;
        boolean definerGiven = false;
        while (i < tokens.size() && !tokens.get(i).isWord("VIEW")) {
            Token token = tokens.get(i);
            if (token.isWord("ALGORITHM") && i + 2 < tokens.size() && tokens.get(i + 1).isSymbol("=")) {
                i += 3;
            } else if (token.isWord("DEFINER") && i + 2 < tokens.size() && tokens.get(i + 1).isSymbol("=")) {
                Token name = tokens.get(i + 2);
                i += 3;
                if (name.isWord("CURRENT_USER")) {
                    if (i + 1 < tokens.size() && tokens.get(i).isSymbol("(") && tokens.get(i + 1).isSymbol(")")) {
                        i += 2;
                    }
                } else {
                    definerGiven = true;
                    user = name.text();
                    host = "%";
                    if (i + 1 < tokens.size() && tokens.get(i).isSymbol("@")) {
                        host = tokens.get(i + 1).text();
                        i += 2;
                    } else if (i < tokens.size() && tokens.get(i).kind() == Token.Kind.USER_VARIABLE) {
                        host = tokens.get(i).text();
                        i++;
                    }
                }
            } else if (token.isWord("SQL") && i + 2 < tokens.size() && tokens.get(i + 1).isWord("SECURITY")) {
                invoker = tokens.get(i + 2).isWord("INVOKER");
                i += 3;
            } else {
                return null;
            }
        }
        if (i + 1 >= tokens.size() || !tokens.get(i + 1).isIdentifier()) {
            return null;
        }
        if (definerGiven && !(user.equals(session.account().user()) && host.equalsIgnoreCase(session.account().host()))
                && !session.privileges().hasGlobal("SET_ANY_DEFINER") && !session.privileges().hasGlobal("SUPER")) {
            throw MySqlError.ER_SPECIFIC_ACCESS_DENIED_ERROR.exception("SUPER or SET_ANY_DEFINER");
        }
        QualifiedName view = QualifiedName.at(tokens, i + 1);
        int as = TokenRanges.firstTopLevel(tokens, view.next(), tokens.size(), java.util.Set.of("AS"));
        if (as + 1 >= tokens.size()) {
            return null;
        }
        TextEdits withoutClauses = new TextEdits();
        if (clausesStart != i) {
            withoutClauses.replace(tokens.get(clausesStart).start(), tokens.get(i).start(), "");
        }
        // to the last token, not the end of the text: a dump closes its versioned comment after the query (*/)
        String select = sql.substring(tokens.get(as + 1).start(), tokens.get(tokens.size() - 1).end());
        return new Created(withoutClauses.applyTo(statement), view.qualifierOr(session.schema()), view.name(), user, host, invoker, select);
    }

    /** Keeps the definer of the view just created, in the engine's comment on it. */
    public static void record(Connection connection, Created created) throws SQLException {
        String text = ViewDefinerComment.encode(new ViewDefinerComment.Definer(created.invoker(), created.user(),
                created.host(), created.select()));
        try (Statement statement = connection.createStatement()) {
            statement.execute("COMMENT ON TABLE `" + created.schema().replace("`", "``") + "`.`"
                    + created.name().replace("`", "``") + "` IS '" + text.replace("'", "''") + "'");
        }
        ddlRan();
    }

    /** SHOW CREATE VIEW's text from the view's definer and MySQL text; null for a view made before they were kept. */
    public static String showCreate(Session session, String schema, String name) throws SQLException {
        View view = views(session).get(key(schema, name));
        if (view == null) {
            return null;
        }
        return "CREATE ALGORITHM=UNDEFINED DEFINER=`" + view.user().replace("`", "``") + "`@`"
                + view.host().replace("`", "``") + "` SQL SECURITY " + (view.invoker() ? "INVOKER" : "DEFINER")
                + " VIEW `" + view.name().replace("`", "``") + "` AS " + view.select();
    }

    /** Checks the definer's (or invoker's) privileges on the tables of every view the statement reads. */
    static void check(List<Token> tokens, Session session) throws SQLException {
        Map<String, View> views = views(session);
        if (views.isEmpty() || !namesAView(tokens)) {
            return;
        }
        check(TableAccess.needs(tokens, session.schema()), views, session, session.privileges(), 0);
    }

    /** Whether an identifier of the statement is the name of a view: most statements read none. */
    private static boolean namesAView(List<Token> tokens) {
        java.util.Set<String> names = viewNames;
        for (Token each : tokens) {
            if (each.isIdentifier() && names.contains(each.text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code context}: whose privileges read the views' tables here: the session's at the top; inside a DEFINER view its
     * definer's, which an INVOKER view nested in it keeps, as in MySQL.
     */
    private static void check(List<TableAccess.Need> needs, Map<String, View> views, Session session,
            PrivilegeChecker context, int depth) {
        for (TableAccess.Need need : needs) {
            if (need.table() == null || need.database() == null) {
                continue;
            }
            View view = views.get(key(need.database(), need.table()));
            if (view == null) {
                continue;
            }
            PrivilegeChecker checker = view.invoker() ? context : definer(view, session);
            List<TableAccess.Need> inner = TableAccess.needsOfStoredQuery(Lexer.tokenize(view.select()), view.schema());
            for (TableAccess.Need each : inner) {
                if (each.table() == null || each.database() == null
                        || each.database().equalsIgnoreCase("information_schema")
                        || each.database().equalsIgnoreCase("performance_schema")) {
                    continue;
                }
                for (String privilege : each.privileges()) {
                    if (!checker.hasOnTable(privilege, each.database(), each.table())) {
                        throw MySqlError.ER_VIEW_INVALID.exception(view.schema(), view.name());
                    }
                }
            }
            if (depth < MAX_DEPTH) {
                check(inner, views, session, checker, depth + 1);
            }
        }
    }

    private static PrivilegeChecker definer(View view, Session session) {
        Account account = session.server().accounts().find(view.user(), view.host())
                .orElseThrow(() -> MySqlError.ER_NO_SUCH_USER.exception(view.user(), view.host()));
        return new PrivilegeChecker(account, account, false, view.user(), view.host());
    }

    private static Map<String, View> views(Session session) throws SQLException {
        long version = DDL_VERSION.get();
        if (cachedVersion == version) {
            return cache;
        }
        Map<String, View> loaded = new HashMap<>();
        try (Statement statement = session.engineConnection().createStatement();
                ResultSet rows = statement.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, REMARKS"
                        + " FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'VIEW' AND REMARKS LIKE '"
                        + ViewDefinerComment.MARK + "%'")) {
            while (rows.next()) {
                String schema = rows.getString(1);
                String name = rows.getString(2);
                ViewDefinerComment.decode(rows.getString(3)).ifPresent(definer -> loaded.put(key(schema, name),
                        new View(schema, name, definer.user(), definer.host(), definer.invoker(), definer.select())));
            }
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (View each : loaded.values()) {
            names.add(each.name().toLowerCase(Locale.ROOT));
        }
        viewNames = java.util.Set.copyOf(names);
        cache = Map.copyOf(loaded);
        cachedVersion = version;
        return cache;
    }

    private static String key(String schema, String name) {
        return schema.toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT);
    }
}
