package dev.doppel.server.config.variables;

import static dev.doppel.server.config.variables.VariableScope.BOTH;
import static dev.doppel.server.config.variables.VariableScope.GLOBAL;
import static dev.doppel.server.config.variables.VariableScope.SESSION;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.config.Charsets;
import dev.doppel.server.config.ServerConfig;
import dev.doppel.server.config.ServerVersion;
import java.util.List;

/**
 * The system variables the server itself declares, with MySQL 8.4's scopes, defaults and ranges.
 * Values that depend on the installation (datadir, hostname, port, ...) are set from the startup
 * configuration by {@link ServerConfig}.
 */
public final class ServerVariables {
    /** Storage engine names SET default_storage_engine accepts, in MySQL's spelling. */
    static final List<String> ENGINES = List.of("InnoDB", "MyISAM", "MEMORY", "CSV", "ARCHIVE", "BLACKHOLE",
            "MRG_MYISAM", "PERFORMANCE_SCHEMA", "FEDERATED");
    static final String SESSION_TRACK_DEFAULT =
            "time_zone,autocommit,character_set_client,character_set_results,character_set_connection";
    private static final long ULONG_MAX = SystemVariable.UNSIGNED_MAX;
    private static final long YEAR_SECONDS = 31_536_000L;

    private ServerVariables() {
    }

    /** Registers every server variable with its compiled default. */
    public static void declare(SystemVariableRegistry registry) {
        for (SystemVariable.Builder each : declarations()) {
            registry.register(each.build());
        }
    }

    private static List<SystemVariable.Builder> declarations() {
        return List.of(
                bool("activate_all_roles_on_login", GLOBAL, false),
                string("admin_address", GLOBAL, "").readOnly(),
                unsigned("admin_port", GLOBAL, 33062, 0, 65535).readOnly(),
                string("authentication_policy", GLOBAL, "*,,"),
                unsigned("auto_increment_increment", BOTH, 1, 1, 65535),
                unsigned("auto_increment_offset", BOTH, 1, 1, 65535),
                bool("autocommit", BOTH, true),
                bool("automatic_sp_privileges", GLOBAL, true),
                unsigned("back_log", GLOBAL, 151, 1, 65535).readOnly(),
                string("basedir", GLOBAL, "").readOnly().shortOption('b'),
                bool("big_tables", BOTH, false),
                string("bind_address", GLOBAL, "*").readOnly(),
                enumeration("binlog_format", BOTH, "ROW", "MIXED", "STATEMENT", "ROW"),
                string("block_encryption_mode", BOTH, "aes-128-ecb"),
                charset("character_set_client", BOTH, "utf8mb4").validator(ServerVariables::clientCharset),
                charset("character_set_connection", BOTH, "utf8mb4"),
                charset("character_set_database", BOTH, "utf8mb4"),
                charset("character_set_filesystem", BOTH, "binary"),
                charset("character_set_results", BOTH, "utf8mb4").nullable(),
                charset("character_set_server", BOTH, "utf8mb4").shortOption('C'),
                charset("character_set_system", GLOBAL, "utf8mb3").readOnly().noCommandLine(),
                string("character_sets_dir", GLOBAL, "").readOnly(),
                collation("collation_connection", BOTH, "utf8mb4_0900_ai_ci"),
                collation("collation_database", BOTH, "utf8mb4_0900_ai_ci"),
                collation("collation_server", BOTH, "utf8mb4_0900_ai_ci"),
                enumeration("completion_type", BOTH, "NO_CHAIN", "NO_CHAIN", "CHAIN", "RELEASE"),
                enumeration("concurrent_insert", GLOBAL, "AUTO", "NEVER", "AUTO", "ALWAYS"),
                unsigned("connect_timeout", GLOBAL, 10, 2, YEAR_SECONDS),
                unsigned("cte_max_recursion_depth", BOTH, 1000, 0, 4_294_967_295L),
                string("datadir", GLOBAL, "").readOnly().shortOption('h'),
                collation("default_collation_for_utf8mb4", BOTH, "utf8mb4_0900_ai_ci")
                        .validator(ServerVariables::utf8mb4Collation),
                unsigned("default_password_lifetime", GLOBAL, 0, 0, 65535),
                string("default_storage_engine", BOTH, "InnoDB").validator(ServerVariables::engine),
                bool("default_table_encryption", BOTH, false),
                string("default_tmp_storage_engine", BOTH, "InnoDB").validator(ServerVariables::engine),
                unsigned("default_week_format", BOTH, 0, 0, 7),
                bool("disconnect_on_expired_password", GLOBAL, true).readOnly(),
                unsigned("div_precision_increment", BOTH, 4, 0, 30),
                enumeration("enforce_gtid_consistency", GLOBAL, "OFF", "OFF", "ON", "WARN"),
                unsigned("error_count", SESSION, 0, 0, ULONG_MAX).readOnly().computed(),
                enumeration("event_scheduler", GLOBAL, "ON", "OFF", "ON", "DISABLED"),
                bool("explicit_defaults_for_timestamp", BOTH, true),
                bool("foreign_key_checks", BOTH, true),
                bool("general_log", GLOBAL, false),
                string("general_log_file", GLOBAL, ""),
                unsigned("group_concat_max_len", BOTH, 1024, 4, ULONG_MAX),
                string("gtid_executed", GLOBAL, "").readOnly().noCommandLine(),
                enumeration("gtid_mode", GLOBAL, "OFF", "OFF", "OFF_PERMISSIVE", "ON_PERMISSIVE", "ON"),
                string("gtid_purged", GLOBAL, "").noCommandLine(),
                string("have_openssl", GLOBAL, "DISABLED").readOnly().noCommandLine(),
                string("have_ssl", GLOBAL, "DISABLED").readOnly().noCommandLine(),
                string("hostname", GLOBAL, "").readOnly().noCommandLine(),
                unsigned("identity", SESSION, 0, 0, ULONG_MAX).noCommandLine(),
                unsigned("information_schema_stats_expiry", BOTH, 86400, 0, YEAR_SECONDS),
                string("init_connect", GLOBAL, ""),
                string("init_file", GLOBAL, "").readOnly(),
                unsigned("innodb_flush_log_at_timeout", GLOBAL, 1, 1, 2700),
                unsigned("innodb_flush_log_at_trx_commit", GLOBAL, 1, 0, 2),
                unsigned("innodb_lock_wait_timeout", BOTH, 50, 1, 1_073_741_824),
                unsigned("insert_id", SESSION, 0, 0, ULONG_MAX).noCommandLine(),
                unsigned("interactive_timeout", BOTH, 28800, 1, YEAR_SECONDS),
                enumeration("internal_tmp_mem_storage_engine", BOTH, "TempTable", "MEMORY", "TempTable"),
                unsigned("join_buffer_size", BOTH, 262144, 128, ULONG_MAX).blockSize(128),
                unsigned("last_insert_id", SESSION, 0, 0, ULONG_MAX).noCommandLine(),
                string("lc_messages", BOTH, "en_US"),
                string("lc_time_names", BOTH, "en_US"),
                string("license", GLOBAL, "GPL").readOnly().noCommandLine(),
                bool("local_infile", GLOBAL, false),
                unsigned("lock_wait_timeout", BOTH, YEAR_SECONDS, 1, YEAR_SECONDS),
                bool("log_bin", GLOBAL, false).readOnly().noCommandLine(),
                string("log_error", GLOBAL, "stderr").readOnly().optionalArgument(),
                unsigned("log_error_verbosity", GLOBAL, 2, 1, 3),
                set("log_output", GLOBAL, "FILE", "TABLE", "FILE", "NONE"),
                bool("log_slow_admin_statements", GLOBAL, false),
                enumeration("log_timestamps", GLOBAL, "UTC", "UTC", "SYSTEM"),
                doubleValue("long_query_time", BOTH, 10.0, 0, YEAR_SECONDS),
                unsigned("lower_case_table_names", GLOBAL, 0, 0, 2).readOnly(),
                string("mandatory_roles", GLOBAL, ""),
                unsigned("max_allowed_packet", BOTH, 67_108_864, 1024, 1_073_741_824).blockSize(1024)
                        .sessionReadOnly(),
                unsigned("max_connect_errors", GLOBAL, 100, 1, ULONG_MAX),
                unsigned("max_connections", GLOBAL, 151, 1, 100_000),
                unsigned("max_error_count", BOTH, 1024, 0, 65535),
                unsigned("max_execution_time", BOTH, 0, 0, 4_294_967_295L),
                unsigned("min_examined_row_limit", BOTH, 0, 0, ULONG_MAX),
                unsigned("max_heap_table_size", BOTH, 16_777_216, 16384, ULONG_MAX).blockSize(1024),
                unsigned("max_join_size", BOTH, ULONG_MAX, 1, ULONG_MAX),
                unsigned("max_length_for_sort_data", BOTH, 4096, 4, 8_388_608),
                unsigned("max_prepared_stmt_count", GLOBAL, 16382, 0, 4_194_304),
                unsigned("max_sort_length", BOTH, 1024, 4, 8_388_608),
                unsigned("max_sp_recursion_depth", BOTH, 0, 0, 255),
                unsigned("max_user_connections", BOTH, 0, 0, 4_294_967_295L).sessionReadOnly(),
                unsigned("net_buffer_length", BOTH, 16384, 1024, 1_048_576).blockSize(1024).sessionReadOnly(),
                unsigned("net_read_timeout", BOTH, 30, 1, YEAR_SECONDS),
                unsigned("net_retry_count", BOTH, 10, 1, ULONG_MAX),
                unsigned("net_write_timeout", BOTH, 60, 1, YEAR_SECONDS),
                bool("offline_mode", GLOBAL, false),
                unsigned("password_history", GLOBAL, 0, 0, 4_294_967_295L),
                unsigned("password_reuse_interval", GLOBAL, 0, 0, 4_294_967_295L),
                bool("performance_schema", GLOBAL, true).readOnly(),
                bool("persisted_globals_load", GLOBAL, true).readOnly(),
                string("pid_file", GLOBAL, "").readOnly(),
                string("plugin_dir", GLOBAL, "").readOnly(),
                unsigned("port", GLOBAL, 3306, 0, 65535).readOnly().shortOption('P'),
                bool("print_identified_with_as_hex", BOTH, false),
                bool("profiling", BOTH, false),
                unsigned("protocol_version", GLOBAL, ServerVersion.PROTOCOL_VERSION, 0, 4_294_967_295L).readOnly()
                        .noCommandLine(),
                unsigned("pseudo_thread_id", SESSION, 0, 0, 4_294_967_295L).noCommandLine(),
                unsigned("query_alloc_block_size", BOTH, 8192, 1024, 4_294_967_295L).blockSize(1024),
                unsigned("query_prealloc_size", BOTH, 8192, 8192, ULONG_MAX).blockSize(1024),
                bool("read_only", GLOBAL, false),
                unsigned("read_buffer_size", BOTH, 131072, 8192, 2_147_479_552).blockSize(4096),
                unsigned("read_rnd_buffer_size", BOTH, 262144, 1, 2_147_483_647),
                bool("require_secure_transport", GLOBAL, false),
                string("secure_file_priv", GLOBAL, null).readOnly().nullable(),
                unsigned("server_id", GLOBAL, 1, 0, 4_294_967_295L),
                string("server_uuid", GLOBAL, "").readOnly().noCommandLine(),
                enumeration("session_track_gtids", BOTH, "OFF", "OFF", "OWN_GTID", "ALL_GTIDS"),
                bool("session_track_schema", BOTH, true),
                bool("session_track_state_change", BOTH, false),
                string("session_track_system_variables", BOTH, SESSION_TRACK_DEFAULT),
                enumeration("session_track_transaction_info", BOTH, "OFF", "OFF", "STATE", "CHARACTERISTICS"),
                bool("show_create_table_verbosity", BOTH, false),
                bool("skip_external_locking", GLOBAL, true).readOnly(),
                bool("skip_name_resolve", GLOBAL, false).readOnly(),
                bool("skip_networking", GLOBAL, false).readOnly(),
                bool("skip_show_database", GLOBAL, false).readOnly(),
                bool("slow_query_log", GLOBAL, false),
                string("slow_query_log_file", GLOBAL, ""),
                string("socket", GLOBAL, ServerConfig.DEFAULT_SOCKET).readOnly(),
                unsigned("sort_buffer_size", BOTH, 262144, 32768, ULONG_MAX),
                bool("sql_auto_is_null", BOTH, false),
                bool("sql_big_selects", BOTH, true),
                bool("sql_generate_invisible_primary_key", BOTH, false),
                bool("sql_log_bin", SESSION, true).noCommandLine(),
                // no general or slow query log is written yet, so there is nothing for it to leave out
                bool("sql_log_off", BOTH, false),
                set("sql_mode", BOTH, SqlMode.DEFAULT, SqlMode.NAMES.toArray(String[]::new)),
                bool("sql_notes", BOTH, true),
                bool("sql_quote_show_create", BOTH, true),
                bool("sql_require_primary_key", BOTH, false),
                bool("sql_safe_updates", BOTH, false),
                unsigned("sql_select_limit", BOTH, ULONG_MAX, 0, ULONG_MAX),
                bool("sql_warnings", BOTH, false),
                string("ssl_ca", GLOBAL, null).nullable(),
                string("ssl_capath", GLOBAL, null).nullable(),
                string("ssl_cert", GLOBAL, null).nullable(),
                string("ssl_cipher", GLOBAL, null).nullable(),
                string("ssl_crl", GLOBAL, null).nullable(),
                string("ssl_crlpath", GLOBAL, null).nullable(),
                string("ssl_key", GLOBAL, null).nullable(),
                bool("super_read_only", GLOBAL, false),
                string("system_time_zone", GLOBAL, "UTC").readOnly().noCommandLine(),
                unsigned("table_open_cache", GLOBAL, 4000, 1, 524_288),
                enumeration("terminology_use_previous", BOTH, "NONE", "NONE", "BEFORE_8_0_26", "BEFORE_8_2_0"),
                unsigned("thread_cache_size", GLOBAL, 9, 0, 16384),
                enumeration("thread_handling", GLOBAL, "one-thread-per-connection", "no-threads",
                        "one-thread-per-connection", "loaded-dynamically").readOnly(),
                string("time_zone", BOTH, TimeZones.SYSTEM).validator(TimeZones::validate).noCommandLine(),
                doubleValue("timestamp", SESSION, 0.0, 0, 2_147_483_647L).noCommandLine(),
                string("tls_version", GLOBAL, "TLSv1.2,TLSv1.3"),
                string("tmpdir", GLOBAL, "/tmp").readOnly(),
                unsigned("tmp_table_size", BOTH, 16_777_216, 1024, ULONG_MAX),
                unsigned("transaction_alloc_block_size", BOTH, 8192, 1024, 131072).blockSize(1024),
                enumeration("transaction_isolation", BOTH, "REPEATABLE-READ", "READ-UNCOMMITTED", "READ-COMMITTED",
                        "REPEATABLE-READ", "SERIALIZABLE"),
                bool("transaction_read_only", BOTH, false),
                bool("unique_checks", BOTH, true),
                enumeration("updatable_views_with_limit", BOTH, "YES", "NO", "YES"),
                string("version", GLOBAL, ServerVersion.VERSION).readOnly().noCommandLine(),
                string("version_comment", GLOBAL, ServerVersion.VERSION_COMMENT).readOnly().noCommandLine(),
                string("version_compile_machine", GLOBAL, ServerVersion.compileMachine()).readOnly().noCommandLine(),
                string("version_compile_os", GLOBAL, ServerVersion.COMPILE_OS).readOnly().noCommandLine(),
                string("version_compile_zlib", GLOBAL, "1.3.1").readOnly().noCommandLine(),
                unsigned("wait_timeout", BOTH, 28800, 1, YEAR_SECONDS),
                unsigned("warning_count", SESSION, 0, 0, ULONG_MAX).readOnly().computed());
    }

    private static SystemVariable.Builder bool(String name, VariableScope scope, boolean value) {
        return SystemVariable.builder(name, scope, VariableType.BOOLEAN).defaultValue(value);
    }

    private static SystemVariable.Builder unsigned(String name, VariableScope scope, long value, long min, long max) {
        return SystemVariable.builder(name, scope, VariableType.UNSIGNED).defaultValue(value).range(min, max);
    }

    private static SystemVariable.Builder doubleValue(String name, VariableScope scope, double value, long min, long max) {
        return SystemVariable.builder(name, scope, VariableType.DOUBLE).defaultValue(value).range(min, max);
    }

    private static SystemVariable.Builder string(String name, VariableScope scope, String value) {
        return SystemVariable.builder(name, scope, VariableType.STRING).defaultValue(value);
    }

    private static SystemVariable.Builder charset(String name, VariableScope scope, String value) {
        return SystemVariable.builder(name, scope, VariableType.CHARSET).defaultValue(value);
    }

    private static SystemVariable.Builder collation(String name, VariableScope scope, String value) {
        return SystemVariable.builder(name, scope, VariableType.COLLATION).defaultValue(value);
    }

    private static SystemVariable.Builder enumeration(String name, VariableScope scope, String value, String... names) {
        return SystemVariable.builder(name, scope, VariableType.ENUM).defaultValue(value).values(names);
    }

    private static SystemVariable.Builder set(String name, VariableScope scope, String value, String... names) {
        return SystemVariable.builder(name, scope, VariableType.SET).defaultValue(value).values(names);
    }

    private static String clientCharset(String variable, String charset) {
        SessionVariables.checkClientCharset(Charsets.charset(charset).orElseThrow());
        return charset;
    }

    private static String utf8mb4Collation(String variable, String collation) {
        if (!collation.equals("utf8mb4_0900_ai_ci") && !collation.equals("utf8mb4_general_ci")) {
            throw MySqlError.ER_INVALID_DEFAULT_UTF8MB4_COLLATION.exception(collation);
        }
        return collation;
    }

    private static String engine(String variable, String name) {
        for (String each : ENGINES) {
            if (each.equalsIgnoreCase(name)) {
                return each;
            }
        }
        throw MySqlError.ER_UNKNOWN_STORAGE_ENGINE.exception(name);
    }
}
