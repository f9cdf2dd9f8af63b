package dev.doppel.server.instance;

import dev.doppel.server.catalog.ColumnTypeRegistry;
import dev.doppel.server.catalog.UnsignedType;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * mysql.general_log and mysql.slow_log with MySQL 8.4's columns, made at startup where they are missing. Dump tools
 * read them by name (mariadb-dump --all-databases asks for their status and definition and failed with 1146 without
 * them). They stay empty: no general or slow query log is written to a table (log_output=TABLE) yet. MySQL keeps them
 * in the CSV engine; here they are tables of the one engine, shown as InnoDB.
 */
final class LogTables {
    private LogTables() {
    }

    static void create(Connection connection) throws SQLException {
        String bigintUnsigned = UnsignedType.BIGINT.domain();
        String intUnsigned = UnsignedType.INT.domain();
        Map<String, String> general = new LinkedHashMap<>();
        general.put("event_time", "timestamp(6)");
        general.put("user_host", "mediumtext");
        general.put("thread_id", "bigint unsigned");
        general.put("server_id", "int unsigned");
        general.put("command_type", "varchar(64)");
        general.put("argument", "mediumblob");
        create(connection, "general_log", "event_time TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
                + " user_host MEDIUMTEXT NOT NULL, thread_id " + bigintUnsigned + " NOT NULL, server_id " + intUnsigned
                + " NOT NULL, command_type VARCHAR(64) NOT NULL, argument MEDIUMBLOB NOT NULL", general, "General log");
        Map<String, String> slow = new LinkedHashMap<>();
        slow.put("start_time", "timestamp(6)");
        slow.put("user_host", "mediumtext");
        slow.put("query_time", "time(6)");
        slow.put("lock_time", "time(6)");
        slow.put("rows_sent", "int");
        slow.put("rows_examined", "int");
        slow.put("db", "varchar(512)");
        slow.put("last_insert_id", "int");
        slow.put("insert_id", "int");
        slow.put("server_id", "int unsigned");
        slow.put("sql_text", "mediumblob");
        slow.put("thread_id", "bigint unsigned");
        create(connection, "slow_log", "start_time TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),"
                + " user_host MEDIUMTEXT NOT NULL, query_time TIME(6) NOT NULL, lock_time TIME(6) NOT NULL,"
                + " rows_sent INT NOT NULL, rows_examined INT NOT NULL, db VARCHAR(512) NOT NULL,"
                + " last_insert_id INT NOT NULL, insert_id INT NOT NULL, server_id " + intUnsigned + " NOT NULL,"
                + " sql_text MEDIUMBLOB NOT NULL, thread_id " + bigintUnsigned + " NOT NULL", slow, "Slow log");
    }

    private static void create(Connection connection, String table, String columns, Map<String, String> declared,
            String comment) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS mysql." + table + " (" + columns + ") COMMENT '" + comment + "'");
        }
        // a merge: the same entries again at every start
        ColumnTypeRegistry.record(connection, "mysql", table, declared);
    }
}
