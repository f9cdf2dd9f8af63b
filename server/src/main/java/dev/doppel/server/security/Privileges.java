package dev.doppel.server.security;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * MySQL 8.4's static privileges (with their mysql.user / mysql.db columns), which of them each level takes,
 * and the dynamic privileges (global level only).
 */
public final class Privileges {
    /** Privilege name → mysql.user column, in MySQL's order. */
    public static final Map<String, String> STATIC = new LinkedHashMap<>();

    static {
        String[][] pairs = {
            {"SELECT", "Select_priv"}, {"INSERT", "Insert_priv"}, {"UPDATE", "Update_priv"},
            {"DELETE", "Delete_priv"}, {"CREATE", "Create_priv"}, {"DROP", "Drop_priv"},
            {"RELOAD", "Reload_priv"}, {"SHUTDOWN", "Shutdown_priv"}, {"PROCESS", "Process_priv"},
            {"FILE", "File_priv"}, {"GRANT OPTION", "Grant_priv"}, {"REFERENCES", "References_priv"},
            {"INDEX", "Index_priv"}, {"ALTER", "Alter_priv"}, {"SHOW DATABASES", "Show_db_priv"},
            {"SUPER", "Super_priv"}, {"CREATE TEMPORARY TABLES", "Create_tmp_table_priv"},
            {"LOCK TABLES", "Lock_tables_priv"}, {"EXECUTE", "Execute_priv"},
            {"REPLICATION SLAVE", "Repl_slave_priv"}, {"REPLICATION CLIENT", "Repl_client_priv"},
            {"CREATE VIEW", "Create_view_priv"}, {"SHOW VIEW", "Show_view_priv"},
            {"CREATE ROUTINE", "Create_routine_priv"}, {"ALTER ROUTINE", "Alter_routine_priv"},
            {"CREATE USER", "Create_user_priv"}, {"EVENT", "Event_priv"}, {"TRIGGER", "Trigger_priv"},
            {"CREATE TABLESPACE", "Create_tablespace_priv"}, {"CREATE ROLE", "Create_role_priv"},
            {"DROP ROLE", "Drop_role_priv"},
        };
        for (String[] each : pairs) {
            STATIC.put(each[0], each[1]);
        }
    }

    public static final List<String> DYNAMIC = List.of(
            "ALLOW_NONEXISTENT_DEFINER", "APPLICATION_PASSWORD_ADMIN", "AUDIT_ABORT_EXEMPT", "AUDIT_ADMIN",
            "AUTHENTICATION_POLICY_ADMIN", "BACKUP_ADMIN", "BINLOG_ADMIN", "BINLOG_ENCRYPTION_ADMIN",
            "CLONE_ADMIN", "CONNECTION_ADMIN", "ENCRYPTION_KEY_ADMIN", "FIREWALL_EXEMPT", "FLUSH_OPTIMIZER_COSTS",
            "FLUSH_PRIVILEGES", "FLUSH_STATUS", "FLUSH_TABLES", "FLUSH_USER_RESOURCES", "GROUP_REPLICATION_ADMIN",
            "GROUP_REPLICATION_STREAM", "INNODB_REDO_LOG_ARCHIVE", "INNODB_REDO_LOG_ENABLE",
            "OPTIMIZE_LOCAL_TABLE", "PASSWORDLESS_USER_ADMIN", "PERSIST_RO_VARIABLES_ADMIN",
            "REPLICATION_APPLIER", "REPLICATION_SLAVE_ADMIN", "RESOURCE_GROUP_ADMIN", "RESOURCE_GROUP_USER",
            "ROLE_ADMIN", "SENSITIVE_VARIABLES_OBSERVER", "SERVICE_CONNECTION_ADMIN", "SESSION_VARIABLES_ADMIN",
            "SET_ANY_DEFINER", "SHOW_ROUTINE", "SYSTEM_USER", "SYSTEM_VARIABLES_ADMIN", "TABLE_ENCRYPTION_ADMIN",
            "TELEMETRY_LOG_ADMIN", "TRANSACTION_GTID_TAG", "XA_RECOVER_ADMIN");


    /** The static privileges a database-level grant (db.*) takes, in MySQL's order. */
    public static final List<String> DATABASE = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP",
            "GRANT OPTION", "REFERENCES", "INDEX", "ALTER", "CREATE TEMPORARY TABLES", "LOCK TABLES", "EXECUTE",
            "CREATE VIEW", "SHOW VIEW", "CREATE ROUTINE", "ALTER ROUTINE", "EVENT", "TRIGGER");

    /** The privileges a table-level grant (db.t) takes, in MySQL's order. */
    public static final List<String> TABLE = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP",
            "GRANT OPTION", "REFERENCES", "INDEX", "ALTER", "CREATE VIEW", "SHOW VIEW", "TRIGGER");

    /** The values of mysql.tables_priv.Table_priv (a SET in MySQL), in the order of {@link #TABLE}. */
    private static final List<String> TABLE_PRIV_VALUES = List.of("Select", "Insert", "Update", "Delete", "Create",
            "Drop", "Grant", "References", "Index", "Alter", "Create View", "Show view", "Trigger");

    private Privileges() {
    }

    public static boolean isDynamic(String name) {
        return DYNAMIC.contains(name);
    }

    /** The privileges of a Table_priv value such as "Select,Insert". */
    public static Set<String> fromTablePrivColumn(String value) {
        Set<String> result = new HashSet<>();
        if (value == null || value.isEmpty()) {
            return Set.of();
        }
        for (String each : value.split(",")) {
            int index = TABLE_PRIV_VALUES.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList()
                    .indexOf(each.trim().toLowerCase(Locale.ROOT));
            if (index >= 0) {
                result.add(TABLE.get(index));
            }
        }
        return Set.copyOf(result);
    }

    public static String toTablePrivColumn(Set<String> privileges) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < TABLE.size(); i++) {
            if (privileges.contains(TABLE.get(i))) {
                result.append(result.isEmpty() ? "" : ",").append(TABLE_PRIV_VALUES.get(i));
            }
        }
        return result.toString();
    }
}
