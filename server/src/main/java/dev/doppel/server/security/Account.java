package dev.doppel.server.security;

import java.util.Map;
import java.util.Set;

/**
 * One row of mysql.user with the account's grants: global privileges (static *_priv columns and dynamic
 * grants, "GRANT OPTION" among them), the dynamic privileges held WITH GRANT OPTION, and the database
 * (mysql.db), table (mysql.tables_priv) and routine (mysql.procs_priv) grants. Database, table and routine names
 * are keys in lower case.
 */
public record Account(String user, String host, String plugin, String authenticationString, boolean locked,
                      boolean passwordExpired, Set<String> globalPrivileges, Set<String> grantableDynamic,
                      Map<String, Set<String>> databasePrivileges, Map<TableName, Set<String>> tablePrivileges,
                      Map<RoutineName, Set<String>> routinePrivileges, ResourceLimits limits) {

    /** A database-qualified table name, lower case, as the key of table grants. */
    public record TableName(String database, String table) {
        public static TableName of(String database, String table) {
            return new TableName(database.toLowerCase(), table.toLowerCase());
        }
    }

    /** A stored routine, PROCEDURE or FUNCTION, as the key of routine grants. */
    public record RoutineName(String database, String type, String name) {
        public static RoutineName of(String database, String type, String name) {
            return new RoutineName(database.toLowerCase(), type, name.toLowerCase());
        }
    }

    public Set<String> routinePrivileges(String database, String type, String name) {
        return routinePrivileges.getOrDefault(RoutineName.of(database, type, name), Set.of());
    }

    public boolean hasGlobalPrivilege(String privilege) {
        return globalPrivileges.contains(privilege);
    }

    public Set<String> databasePrivileges(String database) {
        return databasePrivileges.getOrDefault(database.toLowerCase(), Set.of());
    }

    public Set<String> tablePrivileges(String database, String table) {
        return tablePrivileges.getOrDefault(TableName.of(database, table), Set.of());
    }

    /** Whether the account holds any table grant in the database. */
    public boolean hasTableGrantIn(String database) {
        String key = database.toLowerCase();
        return tablePrivileges.keySet().stream().anyMatch(each -> each.database().equals(key));
    }

    /** user@host as MySQL prints it in messages: 'user'@'host'. */
    public String quoted() {
        return "'" + user + "'@'" + host + "'";
    }
}
