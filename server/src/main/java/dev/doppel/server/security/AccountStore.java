package dev.doppel.server.security;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.auth.HostPattern;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The accounts of mysql.user, held in memory in MySQL's matching order (most specific host first, then
 * named users before the anonymous user) and reloaded after every change.
 */
public final class AccountStore {
    private final Supplier<Connection> connections;
    private volatile List<Entry> entries = List.of();
    /** Bumped by every reload, so that sessions know their cached privileges are stale. */
    private final AtomicLong generation = new AtomicLong();
    /** --skip-grant-tables until FLUSH PRIVILEGES: anyone may connect, with every privilege. */
    private volatile boolean skippingGrants;

    private record Entry(Account account, HostPattern pattern) {
    }

    /**
     * Who a session connected under --skip-grant-tables is: MySQL's CURRENT_USER() is then
     * 'skip-grants user@skip-grants host', and the session keeps every privilege even after FLUSH PRIVILEGES.
     */
    public static final Account SKIP_GRANTS = new Account("skip-grants user", "skip-grants host",
            "caching_sha2_password", "", false, false, Set.of(), Set.of(), Map.of(), Map.of(), Map.of(),
            ResourceLimits.NONE);

    public AccountStore(Supplier<Connection> connections) {
        this.connections = connections;
    }

    /** mysql.procs_priv (routine grants), made at startup where it is missing. */
    public static void createRoutineGrantsTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS mysql.procs_priv (`Host` CHAR(255) NOT NULL DEFAULT '',"
                    + " `Db` CHAR(64) NOT NULL DEFAULT '', `User` CHAR(32) NOT NULL DEFAULT '',"
                    + " `Routine_name` CHAR(64) NOT NULL DEFAULT '', `Routine_type` VARCHAR(9) NOT NULL,"
                    + " `Grantor` VARCHAR(288) NOT NULL DEFAULT '', `Proc_priv` VARCHAR(64) NOT NULL DEFAULT '',"
                    + " `Timestamp` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                    + " PRIMARY KEY (`Host`, `Db`, `User`, `Routine_name`, `Routine_type`))");
        }
    }

    /** (Re)reads mysql.user, mysql.global_grants, mysql.db and mysql.tables_priv. */
    public synchronized void reload() throws SQLException {
        Connection connection = connections.get();
        Map<String, Set<String>> dynamic = new HashMap<>();
        Map<String, Set<String>> grantable = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT `USER`, `HOST`, `PRIV`, WITH_GRANT_OPTION FROM mysql.global_grants")) {
            while (rows.next()) {
                String key = key(rows.getString(1), rows.getString(2));
                String privilege = rows.getString(3).toUpperCase();
                dynamic.computeIfAbsent(key, k -> new HashSet<>()).add(privilege);
                if ("Y".equals(rows.getString(4))) {
                    grantable.computeIfAbsent(key, k -> new HashSet<>()).add(privilege);
                }
            }
        }
        Map<String, Map<String, Set<String>>> databases = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM mysql.db")) {
            while (rows.next()) {
                Set<String> privileges = new HashSet<>();
                for (String each : Privileges.DATABASE) {
                    if ("Y".equals(rows.getString(Privileges.STATIC.get(each)))) {
                        privileges.add(each);
                    }
                }
                databases.computeIfAbsent(key(rows.getString("User"), rows.getString("Host")), k -> new HashMap<>())
                        .put(rows.getString("Db").toLowerCase(), Set.copyOf(privileges));
            }
        }
        Map<String, Map<Account.TableName, Set<String>>> tables = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM mysql.tables_priv")) {
            while (rows.next()) {
                tables.computeIfAbsent(key(rows.getString("User"), rows.getString("Host")), k -> new HashMap<>())
                        .put(Account.TableName.of(rows.getString("Db"), rows.getString("Table_name")),
                                Privileges.fromTablePrivColumn(rows.getString("Table_priv")));
            }
        }
        Map<String, Map<Account.RoutineName, Set<String>>> routines = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM mysql.procs_priv")) {
            while (rows.next()) {
                routines.computeIfAbsent(key(rows.getString("User"), rows.getString("Host")), k -> new HashMap<>())
                        .put(Account.RoutineName.of(rows.getString("Db"), rows.getString("Routine_type"),
                                rows.getString("Routine_name")), fromProcPriv(rows.getString("Proc_priv")));
            }
        }
        List<Entry> loaded = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM mysql.`user`")) {
            while (rows.next()) {
                String user = rows.getString("User");
                String host = rows.getString("Host");
                String key = key(user, host);
                Set<String> privileges = new HashSet<>(dynamic.getOrDefault(key, Set.of()));
                for (Map.Entry<String, String> each : Privileges.STATIC.entrySet()) {
                    if ("Y".equals(rows.getString(each.getValue()))) {
                        privileges.add(each.getKey());
                    }
                }
                String authentication = rows.getString("authentication_string");
                Account account = new Account(user, host, rows.getString("plugin"),
                        authentication == null ? "" : authentication, "Y".equals(rows.getString("account_locked")),
                        "Y".equals(rows.getString("password_expired")), Set.copyOf(privileges),
                        Set.copyOf(grantable.getOrDefault(key, Set.of())),
                        Map.copyOf(databases.getOrDefault(key, Map.of())),
                        Map.copyOf(tables.getOrDefault(key, Map.of())),
                        Map.copyOf(routines.getOrDefault(key, Map.of())),
                        new ResourceLimits(rows.getLong("max_questions"), rows.getLong("max_updates"),
                                rows.getLong("max_connections"), rows.getLong("max_user_connections")));
                loaded.add(new Entry(account, HostPattern.parse(host)));
            }
        }
        loaded.sort(Comparator.comparing(Entry::pattern, HostPattern.MOST_SPECIFIC_FIRST)
                .thenComparing(each -> each.account().user().isEmpty()));
        entries = List.copyOf(loaded);
        generation.incrementAndGet();
    }

    /** Changes with every reload of the grant tables (account statements, GRANT, REVOKE, FLUSH PRIVILEGES). */
    public long generation() {
        return generation.get();
    }

    /** Whether the server runs without grant tables (--skip-grant-tables, until FLUSH PRIVILEGES). */
    public boolean skippingGrants() {
        return skippingGrants;
    }

    /** --skip-grant-tables at startup. */
    public void skipGrants() {
        skippingGrants = true;
    }

    /** FLUSH PRIVILEGES: reads the grant tables again and uses them from now on. */
    public synchronized void flush() throws SQLException {
        reload();
        skippingGrants = false;
        generation.incrementAndGet();
    }

    /** The account a client connecting as {@code user} from the given host is matched to, as MySQL picks it. */
    public Optional<Account> match(String user, String clientHost, InetAddress clientAddress) {
        for (Entry each : entries) {
            String accountUser = each.account().user();
            if ((accountUser.isEmpty() || accountUser.equals(user))
                    && each.pattern().matches(clientHost, clientAddress)) {
                return Optional.of(each.account());
            }
        }
        return Optional.empty();
    }

    /** The account named exactly user@host, as CREATE/ALTER/DROP USER address it. */
    public Optional<Account> find(String user, String host) {
        for (Entry each : entries) {
            if (each.account().user().equals(user) && each.account().host().equalsIgnoreCase(host)) {
                return Optional.of(each.account());
            }
        }
        return Optional.empty();
    }

    /** Inserts an account; {@code privileges} may name static and dynamic global privileges. */
    public void create(String user, String host, String plugin, String authenticationString, boolean expired,
                       boolean locked, Set<String> privileges) throws SQLException {
        Connection connection = connections.get();
        StringBuilder columns = new StringBuilder("`Host`, `User`, plugin, authentication_string, password_expired,"
                + " account_locked, password_last_changed");
        StringBuilder values = new StringBuilder("?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP");
        for (Map.Entry<String, String> each : Privileges.STATIC.entrySet()) {
            if (privileges.contains(each.getKey())) {
                columns.append(", `").append(each.getValue()).append('`');
                values.append(", 'Y'");
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mysql.`user` (" + columns + ") VALUES (" + values + ")")) {
            insert.setString(1, host);
            insert.setString(2, user);
            insert.setString(3, plugin);
            insert.setString(4, authenticationString);
            insert.setString(5, expired ? "Y" : "N");
            insert.setString(6, locked ? "Y" : "N");
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mysql.global_grants (`USER`, `HOST`, `PRIV`, WITH_GRANT_OPTION) VALUES (?, ?, ?, ?)")) {
            for (String each : privileges) {
                if (!Privileges.STATIC.containsKey(each)) {
                    insert.setString(1, user);
                    insert.setString(2, host);
                    insert.setString(3, each);
                    insert.setString(4, privileges.contains("GRANT OPTION") ? "Y" : "N");
                    insert.executeUpdate();
                }
            }
        }
        reload();
    }

    /** Sets the authentication method and string of an existing account. */
    public void changeAuthentication(String user, String host, String plugin, String authenticationString)
            throws SQLException {
        try (PreparedStatement update = connections.get().prepareStatement("UPDATE mysql.`user` SET plugin = ?,"
                + " authentication_string = ?, password_expired = 'N', password_last_changed = CURRENT_TIMESTAMP"
                + " WHERE `User` = ? AND `Host` = ?")) {
            update.setString(1, plugin);
            update.setString(2, authenticationString);
            update.setString(3, user);
            update.setString(4, host);
            if (update.executeUpdate() == 0) {
                throw MySqlError.ER_PASSWORD_NO_MATCH.exception();
            }
        }
        reload();
    }

    /** Sets resource limits of an account: column of mysql.user (ResourceLimits.COLUMNS) to value. */
    public void setResourceLimits(String user, String host, Map<String, Long> limits) throws SQLException {
        if (limits.isEmpty()) {
            return;
        }
        List<String> columns = List.copyOf(limits.keySet());
        StringBuilder sql = new StringBuilder("UPDATE mysql.`user` SET ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i)).append(" = ?");
        }
        try (PreparedStatement update = connections.get().prepareStatement(sql + " WHERE `User` = ? AND `Host` = ?")) {
            for (int i = 0; i < columns.size(); i++) {
                update.setLong(i + 1, limits.get(columns.get(i)));
            }
            update.setString(columns.size() + 1, user);
            update.setString(columns.size() + 2, host);
            update.executeUpdate();
        }
        reload();
    }

    public void setLocked(String user, String host, boolean locked) throws SQLException {
        try (PreparedStatement update = connections.get().prepareStatement(
                "UPDATE mysql.`user` SET account_locked = ? WHERE `User` = ? AND `Host` = ?")) {
            update.setString(1, locked ? "Y" : "N");
            update.setString(2, user);
            update.setString(3, host);
            update.executeUpdate();
        }
        reload();
    }

    public void drop(String user, String host) throws SQLException {
        Connection connection = connections.get();
        for (String table : List.of("mysql.`user`", "mysql.db", "mysql.tables_priv", "mysql.procs_priv")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE `User` = ? AND `Host` = ?")) {
                delete.setString(1, user);
                delete.setString(2, host);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM mysql.global_grants WHERE `USER` = ? AND `HOST` = ?")) {
            delete.setString(1, user);
            delete.setString(2, host);
            delete.executeUpdate();
        }
        reload();
    }

    /** RENAME USER: the account and all its grants move to the new name. */
    public void rename(String user, String host, String newUser, String newHost) throws SQLException {
        Connection connection = connections.get();
        for (String table : List.of("mysql.`user`", "mysql.db", "mysql.tables_priv", "mysql.procs_priv",
                "mysql.global_grants")) {
            String u = table.endsWith("global_grants") ? "`USER`" : "`User`";
            String h = table.endsWith("global_grants") ? "`HOST`" : "`Host`";
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + " SET " + u + " = ?, " + h + " = ? WHERE " + u + " = ? AND " + h + " = ?")) {
                update.setString(1, newUser);
                update.setString(2, newHost);
                update.setString(3, user);
                update.setString(4, host);
                update.executeUpdate();
            }
        }
        reload();
    }

    /**
     * Replaces the global privileges of an existing account: the static ones in its mysql.user row, the dynamic
     * ones in mysql.global_grants ({@code grantableDynamic} are those held WITH GRANT OPTION).
     */
    public void setGlobalPrivileges(String user, String host, Set<String> privileges, Set<String> grantableDynamic)
            throws SQLException {
        Connection connection = connections.get();
        StringBuilder assignments = new StringBuilder();
        for (Map.Entry<String, String> each : Privileges.STATIC.entrySet()) {
            assignments.append(assignments.isEmpty() ? "" : ", ").append('`').append(each.getValue()).append("` = '")
                    .append(privileges.contains(each.getKey()) ? 'Y' : 'N').append('\'');
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE mysql.`user` SET " + assignments + " WHERE `User` = ? AND `Host` = ?");
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM mysql.global_grants WHERE `USER` = ? AND `HOST` = ?");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO mysql.global_grants"
                     + " (`USER`, `HOST`, `PRIV`, WITH_GRANT_OPTION) VALUES (?, ?, ?, ?)")) {
            update.setString(1, user);
            update.setString(2, host);
            update.executeUpdate();
            delete.setString(1, user);
            delete.setString(2, host);
            delete.executeUpdate();
            for (String each : privileges) {
                if (!Privileges.STATIC.containsKey(each)) {
                    insert.setString(1, user);
                    insert.setString(2, host);
                    insert.setString(3, each);
                    insert.setString(4, grantableDynamic.contains(each) ? "Y" : "N");
                    insert.executeUpdate();
                }
            }
        }
    }

    /** Replaces the account's mysql.db row for {@code database}; an empty set removes the row. */
    public void setDatabasePrivileges(String user, String host, String database, Set<String> privileges)
            throws SQLException {
        Connection connection = connections.get();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM mysql.db WHERE `User` = ? AND `Host` = ? AND LOWER(`Db`) = ?")) {
            delete.setString(1, user);
            delete.setString(2, host);
            delete.setString(3, database.toLowerCase());
            delete.executeUpdate();
        }
        if (privileges.isEmpty()) {
            return;
        }
        StringBuilder columns = new StringBuilder("`Host`, `Db`, `User`");
        StringBuilder values = new StringBuilder("?, ?, ?");
        for (String each : privileges) {
            columns.append(", `").append(Privileges.STATIC.get(each)).append('`');
            values.append(", 'Y'");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mysql.db (" + columns + ") VALUES (" + values + ")")) {
            insert.setString(1, host);
            insert.setString(2, database.toLowerCase());
            insert.setString(3, user);
            insert.executeUpdate();
        }
    }

    /** Replaces the account's mysql.tables_priv row for the table; an empty set removes the row. */
    public void setTablePrivileges(String user, String host, Account.TableName table, Set<String> privileges,
                                   String grantor) throws SQLException {
        Connection connection = connections.get();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM mysql.tables_priv"
                + " WHERE `User` = ? AND `Host` = ? AND LOWER(`Db`) = ? AND LOWER(`Table_name`) = ?")) {
            delete.setString(1, user);
            delete.setString(2, host);
            delete.setString(3, table.database());
            delete.setString(4, table.table());
            delete.executeUpdate();
        }
        if (privileges.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mysql.tables_priv"
                + " (`Host`, `Db`, `User`, `Table_name`, `Grantor`, `Table_priv`) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, host);
            insert.setString(2, table.database());
            insert.setString(3, user);
            insert.setString(4, table.table());
            insert.setString(5, grantor);
            insert.setString(6, Privileges.toTablePrivColumn(privileges));
            insert.executeUpdate();
        }
    }

    /** Replaces the account's mysql.procs_priv row for the routine; an empty set removes the row. */
    public void setRoutinePrivileges(String user, String host, Account.RoutineName routine, Set<String> privileges,
                                     String grantor) throws SQLException {
        Connection connection = connections.get();
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM mysql.procs_priv WHERE `User` = ?"
                + " AND `Host` = ? AND LOWER(`Db`) = ? AND `Routine_type` = ? AND LOWER(`Routine_name`) = ?")) {
            delete.setString(1, user);
            delete.setString(2, host);
            delete.setString(3, routine.database());
            delete.setString(4, routine.type());
            delete.setString(5, routine.name());
            delete.executeUpdate();
        }
        if (!privileges.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mysql.procs_priv (`Host`, `Db`,"
                    + " `User`, `Routine_name`, `Routine_type`, `Grantor`, `Proc_priv`) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, host);
                insert.setString(2, routine.database());
                insert.setString(3, user);
                insert.setString(4, routine.name());
                insert.setString(5, routine.type());
                insert.setString(6, grantor);
                insert.setString(7, toProcPriv(privileges));
                insert.executeUpdate();
            }
        }
        reload();
    }

    /** DROP PROCEDURE / FUNCTION with automatic_sp_privileges: the routine's grants go with it. */
    public void dropRoutineGrants(Account.RoutineName routine) throws SQLException {
        try (PreparedStatement delete = connections.get().prepareStatement("DELETE FROM mysql.procs_priv WHERE"
                + " LOWER(`Db`) = ? AND `Routine_type` = ? AND LOWER(`Routine_name`) = ?")) {
            delete.setString(1, routine.database());
            delete.setString(2, routine.type());
            delete.setString(3, routine.name());
            delete.executeUpdate();
        }
        reload();
    }

    /** Proc_priv, a SET('Execute','Alter Routine','Grant') in MySQL, as privileges. */
    private static Set<String> fromProcPriv(String column) {
        Set<String> result = new HashSet<>();
        for (String each : column.split(",")) {
            switch (each.trim()) {
                case "Execute" -> result.add("EXECUTE");
                case "Alter Routine" -> result.add("ALTER ROUTINE");
                case "Grant" -> result.add("GRANT OPTION");
                default -> {
                }
            }
        }
        return Set.copyOf(result);
    }

    private static String toProcPriv(Set<String> privileges) {
        List<String> parts = new ArrayList<>();
        if (privileges.contains("EXECUTE")) {
            parts.add("Execute");
        }
        if (privileges.contains("ALTER ROUTINE")) {
            parts.add("Alter Routine");
        }
        if (privileges.contains("GRANT OPTION")) {
            parts.add("Grant");
        }
        return String.join(",", parts);
    }

    private static String key(String user, String host) {
        return user + '@' + host.toLowerCase();
    }
}
