package dev.doppel.server.status;

import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.List;
import java.util.Map;

/** The Com_* status variable a statement counts in, from its first words, as MySQL names its statement kinds. */
final class StatementComs {
    private static final Map<String, String> OBJECTS = Map.ofEntries(Map.entry("TABLE", "table"),
            Map.entry("TEMPORARY", "table"), Map.entry("DATABASE", "db"), Map.entry("SCHEMA", "db"),
            Map.entry("INDEX", "index"), Map.entry("UNIQUE", "index"), Map.entry("FULLTEXT", "index"),
            Map.entry("SPATIAL", "index"), Map.entry("VIEW", "view"), Map.entry("USER", "user"),
            Map.entry("ROLE", "role"), Map.entry("PROCEDURE", "procedure"), Map.entry("FUNCTION", "function"),
            Map.entry("TRIGGER", "trigger"), Map.entry("EVENT", "event"), Map.entry("SERVER", "server"),
            Map.entry("TABLESPACE", "tablespace"), Map.entry("INSTANCE", "instance"),
            Map.entry("RESOURCE", "resource_group"));
    private static final Map<String, String> SHOWN = Map.ofEntries(Map.entry("DATABASES", "show_databases"),
            Map.entry("SCHEMAS", "show_databases"), Map.entry("TABLES", "show_tables"),
            Map.entry("VARIABLES", "show_variables"), Map.entry("STATUS", "show_status"),
            Map.entry("WARNINGS", "show_warnings"), Map.entry("ERRORS", "show_errors"),
            Map.entry("COLUMNS", "show_fields"), Map.entry("FIELDS", "show_fields"), Map.entry("INDEX", "show_keys"),
            Map.entry("INDEXES", "show_keys"), Map.entry("KEYS", "show_keys"),
            Map.entry("PROCESSLIST", "show_processlist"), Map.entry("GRANTS", "show_grants"),
            Map.entry("PLUGINS", "show_plugins"), Map.entry("PRIVILEGES", "show_privileges"),
            Map.entry("ENGINES", "show_storage_engines"), Map.entry("STORAGE", "show_storage_engines"),
            Map.entry("COLLATION", "show_collations"), Map.entry("CHARACTER", "show_charsets"),
            Map.entry("CHARSET", "show_charsets"), Map.entry("TRIGGERS", "show_triggers"),
            Map.entry("EVENTS", "show_events"), Map.entry("OPEN", "show_open_tables"),
            Map.entry("REPLICAS", "show_replicas"), Map.entry("REPLICA", "show_replica_status"),
            Map.entry("BINLOG", "show_binlog_events"), Map.entry("RELAYLOG", "show_relaylog_events"),
            Map.entry("PROFILE", "show_profile"), Map.entry("PROFILES", "show_profiles"));

    private static final java.util.Set<String> QUERY_STARTS = java.util.Set.of("SELECT", "TABLE", "WITH");

    private StatementComs() {
    }

    /** The name without "Com_", or null for a statement MySQL counts in none. */
    static String of(List<Token> tokens) {
        if (tokens.isEmpty() || tokens.get(0).kind() != Token.Kind.WORD) {
            return tokens.isEmpty() ? "empty_query" : tokens.get(0).isSymbol("(") ? "select" : null;
        }
        Token first = tokens.get(0);
        if (first.isWord("SELECT")) {
            return "select";
        }
        String second = word(tokens, 1);
        return switch (first.upper()) {
            case "WITH", "TABLE", "VALUES" -> "select";
            case "INSERT" -> selects(tokens) ? "insert_select" : "insert";
            case "REPLACE" -> selects(tokens) ? "replace_select" : "replace";
            case "UPDATE" -> multiTable(tokens) ? "update_multi" : "update";
            case "DELETE" -> multiTable(tokens) ? "delete_multi" : "delete";
            case "BEGIN" -> "begin";
            case "START" -> second.equals("TRANSACTION") ? "begin" : second.equals("REPLICA") ? "replica_start"
                    : second.equals("GROUP_REPLICATION") ? "group_replication_start" : null;
            case "STOP" -> second.equals("REPLICA") ? "replica_stop"
                    : second.equals("GROUP_REPLICATION") ? "group_replication_stop" : null;
            case "COMMIT" -> "commit";
            case "ROLLBACK" -> contains(tokens, "TO") ? "rollback_to_savepoint" : "rollback";
            case "SAVEPOINT" -> "savepoint";
            case "RELEASE" -> "release_savepoint";
            case "SET" -> second.equals("PASSWORD") ? "set_password" : second.equals("ROLE") ? "set_role"
                    : second.equals("DEFAULT") && word(tokens, 2).equals("ROLE") ? "alter_user_default_role"
                    : second.equals("RESOURCE") ? "set_resource_group" : "set_option";
            case "USE" -> "change_db";
            case "CREATE", "DROP", "ALTER" -> defined(tokens);
            case "RENAME" -> second.equals("USER") ? "rename_user" : "rename_table";
            case "TRUNCATE" -> "truncate";
            case "GRANT" -> contains(tokens, "ON") ? "grant" : "grant_roles";
            case "REVOKE" -> contains(tokens, "ON") ? "revoke" : second.equals("ALL") ? "revoke_all" : "revoke_roles";
            case "LOCK" -> second.equals("INSTANCE") ? "lock_instance" : "lock_tables";
            case "UNLOCK" -> second.equals("INSTANCE") ? "unlock_instance" : "unlock_tables";
            case "FLUSH" -> "flush";
            case "KILL" -> "kill";
            case "ANALYZE" -> "analyze";
            case "OPTIMIZE" -> "optimize";
            case "CHECK" -> "check";
            case "CHECKSUM" -> "checksum";
            case "REPAIR" -> "repair";
            case "CALL" -> "call_procedure";
            case "DO" -> "do";
            case "HELP" -> "help";
            case "LOAD" -> "load";
            case "PREPARE" -> "prepare_sql";
            case "EXECUTE" -> "execute_sql";
            case "DEALLOCATE" -> "dealloc_sql";
            case "INSTALL" -> second.equals("COMPONENT") ? "install_component" : "install_plugin";
            case "UNINSTALL" -> second.equals("COMPONENT") ? "uninstall_component" : "uninstall_plugin";
            case "CLONE" -> "clone";
            case "SIGNAL" -> "signal";
            case "RESIGNAL" -> "resignal";
            case "GET" -> "get_diagnostics";
            case "SHUTDOWN" -> "shutdown";
            case "RESTART" -> "restart";
            case "RESET" -> "reset";
            case "PURGE" -> "purge";
            case "XA" -> "xa_" + (second.equals("BEGIN") ? "start" : second.toLowerCase(java.util.Locale.ROOT));
            case "EXPLAIN", "DESCRIBE", "DESC" -> described(tokens);
            case "SHOW" -> shown(tokens);
            default -> null;
        };
    }

    /** CREATE, DROP and ALTER by the kind of object, which comes before its name. */
    private static String defined(List<Token> tokens) {
        String verb = tokens.get(0).upper().toLowerCase(java.util.Locale.ROOT);
        for (int i = 1; i < tokens.size() && i < 16 && !tokens.get(i).isSymbol("("); i++) {
            String object = OBJECTS.get(word(tokens, i));
            if (object == null) {
                continue;
            }
            if (word(tokens, i).equals("SPATIAL") && word(tokens, i + 1).equals("REFERENCE")) {
                return verb + "_spatial_reference_system";
            }
            if (word(tokens, i).equals("RESOURCE")) {
                return verb + "_resource_group";
            }
            if (object.equals("user") && verb.equals("alter") && contains(tokens, "DEFAULT") && contains(tokens, "ROLE")) {
                return "alter_user_default_role";
            }
            if (object.equals("function") && verb.equals("create") && contains(tokens, "SONAME")) {
                return "create_udf";
            }
            // MySQL counts all tablespace DDL as ALTER TABLESPACE, and ALTER VIEW as CREATE VIEW
            return object.equals("tablespace") ? "alter_tablespace"
                    : object.equals("view") && verb.equals("alter") ? "create_view" : verb + "_" + object;
        }
        return null;
    }

    /** INSERT or REPLACE ... SELECT: a SELECT outside parentheses (a subquery in VALUES is a plain INSERT's). */
    private static boolean selects(List<Token> tokens) {
        return TokenRanges.firstTopLevel(tokens, 0, tokens.size(), QUERY_STARTS) < tokens.size();
    }

    private static String described(List<Token> tokens) {
        String second = word(tokens, 1);
        return tokens.size() > 1 && tokens.get(1).kind() == Token.Kind.WORD && !second.equals("SELECT")
                && !second.equals("FORMAT") && !second.equals("ANALYZE") && !second.equals("INSERT")
                && !second.equals("UPDATE") && !second.equals("DELETE") && !second.equals("REPLACE")
                && !second.equals("WITH") && !second.equals("TABLE") && !second.equals("FOR")
                ? "show_fields" : "explain_other";
    }

    private static String shown(List<Token> tokens) {
        int at = 1;
        while (word(tokens, at).equals("GLOBAL") || word(tokens, at).equals("SESSION") || word(tokens, at).equals("LOCAL")
                || word(tokens, at).equals("FULL") || word(tokens, at).equals("EXTENDED")) {
            at++;
        }
        String what = word(tokens, at);
        String next = word(tokens, at + 1);
        return switch (what) {
            case "CREATE" -> switch (next) {
                case "DATABASE", "SCHEMA" -> "show_create_db";
                case "PROCEDURE" -> "show_create_proc";
                case "FUNCTION" -> "show_create_func";
                case "TRIGGER" -> "show_create_trigger";
                case "EVENT" -> "show_create_event";
                case "USER" -> "show_create_user";
                default -> "show_create_table";
            };
            case "TABLE" -> "show_table_status";
            case "PROCEDURE" -> next.equals("CODE") ? "show_procedure_code" : "show_procedure_status";
            case "FUNCTION" -> next.equals("CODE") ? "show_function_code" : "show_function_status";
            case "ENGINE" -> "show_engine_" + (word(tokens, at + 2).equals("MUTEX") ? "mutex"
                    : word(tokens, at + 2).equals("LOGS") ? "logs" : "status");
            case "BINARY" -> next.equals("LOGS") ? "show_binlogs" : "show_binary_log_status";
            case "COUNT" -> word(tokens, at + 4).equals("ERRORS") ? "show_errors" : "show_warnings";
            default -> SHOWN.get(what);
        };
    }

    private static boolean multiTable(List<Token> tokens) {
        for (Token each : tokens) {
            if (each.isSymbol(",") || each.isWord("JOIN")) {
                return true;
            }
            if (each.isWord("SET") || each.isWord("WHERE")) {
                break;
            }
        }
        return tokens.get(0).isWord("DELETE") && contains(tokens, "USING");
    }

    private static boolean contains(List<Token> tokens, String word) {
        for (Token each : tokens) {
            if (each.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    private static String word(List<Token> tokens, int index) {
        return index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD ? tokens.get(index).upper()
                : index < tokens.size() && tokens.get(index).isSymbol(",") ? "," : "";
    }
}
