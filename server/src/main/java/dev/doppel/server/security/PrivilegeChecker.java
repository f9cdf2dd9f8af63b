package dev.doppel.server.security;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Answers "may this session do P on database D / table T" from the account's global, database and table grants,
 * and raises MySQL's error when it may not. As in MySQL, static global privileges are those the session logged in
 * with, while dynamic privileges and database and table grants take effect with the session's next statement.
 * Everything is allowed to a session connected under --skip-grant-tables. Sessions keep one checker until the
 * grant tables change (see Session#privileges), so the checks are map look-ups.
 */
public final class PrivilegeChecker {
    private final Account login;
    private final Account current;
    private final boolean skipGrantTables;
    private final String user;
    private final String host;
    private volatile AllGlobal lastAllGlobal;

    /**
     * @param login   the account as matched at login (its global privileges apply)
     * @param current the same account as the grant tables hold it now (its database and table grants apply)
     * @param user    the user name for error messages
     * @param host    the client host for error messages
     */
    public PrivilegeChecker(Account login, Account current, boolean skipGrantTables, String user, String host) {
        this.login = login;
        this.current = current;
        this.skipGrantTables = skipGrantTables;
        this.user = user;
        this.host = host;
    }

    public Account account() {
        return current;
    }

    public boolean hasGlobal(String privilege) {
        return skipGrantTables || (Privileges.isDynamic(privilege) ? current : login).hasGlobalPrivilege(privilege);
    }

    /** Whether every one of the privileges is held globally (then no table of a statement needs a look). */
    public boolean hasAllGlobal(Iterable<String> privileges) {
        AllGlobal last = lastAllGlobal;
        if (last != null && last.privileges() == privileges) {
            return last.held();
        }
        boolean held = true;
        for (String each : privileges) {
            if (!hasGlobal(each)) {
                held = false;
                break;
            }
        }
        lastAllGlobal = new AllGlobal(privileges, held);
        return held;
    }

    /** The last answer of hasAllGlobal: callers ask with the same constant list before every statement. */
    private record AllGlobal(Iterable<String> privileges, boolean held) {
    }

    /** ER_SPECIFIC_ACCESS_DENIED_ERROR (1227) unless one of the global privileges is held. */
    public void requireGlobal(String... anyOf) {
        for (String each : anyOf) {
            if (hasGlobal(each)) {
                return;
            }
        }
        throw MySqlError.ER_SPECIFIC_ACCESS_DENIED_ERROR.exception(String.join(" or ", anyOf));
    }

    /** ER_DBACCESS_DENIED_ERROR (1044) unless the privilege is held on the database (CREATE/DROP DATABASE). */
    public void requireDatabase(String privilege, String database) {
        if (!hasOnDatabase(privilege, database)) {
            throw databaseDenied(database);
        }
    }

    /** Whether the session may grant the dynamic privilege (it holds it WITH GRANT OPTION). */
    public boolean canGrantDynamic(String privilege) {
        return skipGrantTables || current.grantableDynamic().contains(privilege);
    }

    /** The privilege at the database level or above. */
    public boolean hasOnDatabase(String privilege, String database) {
        return hasGlobal(privilege) || current.databasePrivileges(database).contains(privilege);
    }

    /** The privilege at the table level or above. */
    /** A privilege on a stored routine: held globally, on its database, or on the routine (mysql.procs_priv). */
    public boolean hasOnRoutine(String privilege, String database, String type, String name) {
        return hasOnDatabase(privilege, database) || current.routinePrivileges(database, type, name).contains(privilege);
    }

    public boolean hasOnTable(String privilege, String database, String table) {
        return hasOnDatabase(privilege, database) || current.tablePrivileges(database, table).contains(privilege);
    }

    /**
     * Whether the session may select the database (USE, COM_INIT_DB, connecting with a database): it needs some
     * database-level privilege on it, globally or for that database, or a grant on one of its tables.
     * information_schema and performance_schema are open to every account, as in MySQL.
     */
    public boolean canUseDatabase(String database) {
        if (skipGrantTables || database.equalsIgnoreCase("information_schema")
                || database.equalsIgnoreCase("performance_schema")) {
            return true;
        }
        for (String each : Privileges.DATABASE) {
            if (login.hasGlobalPrivilege(each)) {
                return true;
            }
        }
        return !current.databasePrivileges(database).isEmpty() || current.hasTableGrantIn(database);
    }

    /** Whether SHOW TABLES lists the table: some privilege on it, on its database or globally. */
    public boolean canSeeTable(String database, String table) {
        if (skipGrantTables || database.equalsIgnoreCase("information_schema")
                || database.equalsIgnoreCase("performance_schema") || !current.databasePrivileges(database).isEmpty()
                || !current.tablePrivileges(database, table).isEmpty()) {
            return true;
        }
        for (String each : Privileges.DATABASE) {
            if (login.hasGlobalPrivilege(each)) {
                return true;
            }
        }
        return false;
    }

    /** ER_DBACCESS_DENIED_ERROR (1044) unless {@link #canUseDatabase}. */
    public void requireDatabaseAccess(String database) {
        if (!canUseDatabase(database)) {
            throw databaseDenied(database);
        }
    }

    /**
     * ER_TABLEACCESS_DENIED_ERROR (1142) unless every one of the privileges is held on the table; the message names
     * the missing ones in MySQL's privilege order ("INSERT, CREATE command denied ..."), as MySQL prints them.
     */
    public void requireTable(Collection<String> privileges, String database, String table) {
        List<String> missing = new ArrayList<>();
        for (String each : Privileges.STATIC.keySet()) {
            if (privileges.contains(each) && !hasOnTable(each, database, table)) {
                missing.add(each);
            }
        }
        if (!missing.isEmpty()) {
            throw MySqlError.ER_TABLEACCESS_DENIED_ERROR.exception(String.join(", ", missing), user, host, table);
        }
    }

    /** ER_TABLEACCESS_DENIED_ERROR (1142) unless the privilege is held on the table. */
    public void requireTable(String privilege, String database, String table) {
        if (!hasOnTable(privilege, database, table)) {
            throw MySqlError.ER_TABLEACCESS_DENIED_ERROR.exception(privilege, user, host, table);
        }
    }

    public MySqlException databaseDenied(String database) {
        return MySqlError.ER_DBACCESS_DENIED_ERROR.exception(user, host, database);
    }
}
