package dev.doppel.server.security;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;

/**
 * Answers "may this session do P on database D / table T" from the account's global, database and table grants,
 * and raises MySQL's error when it may not. As in MySQL, global privileges are those the session logged in with,
 * while database and table grants take effect with the session's next statement. Everything is allowed under
 * --skip-grant-tables.
 */
public final class PrivilegeChecker {
    private final Account login;
    private final Account current;
    private final boolean skipGrantTables;
    private final String user;
    private final String host;

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
        return skipGrantTables || login.hasGlobalPrivilege(privilege);
    }

    /** The privilege at the database level or above. */
    public boolean hasOnDatabase(String privilege, String database) {
        return hasGlobal(privilege) || current.databasePrivileges(database).contains(privilege);
    }

    /** The privilege at the table level or above. */
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

    /**
     * Whether the table shows in SHOW statements and information_schema: some table privilege on it, at any level.
     * information_schema and performance_schema tables are visible to every account.
     */
    public boolean canSeeTable(String database, String table) {
        if (skipGrantTables || database.equalsIgnoreCase("information_schema")
                || database.equalsIgnoreCase("performance_schema")) {
            return true;
        }
        for (String each : Privileges.TABLE) {
            if (hasOnTable(each, database, table)) {
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
