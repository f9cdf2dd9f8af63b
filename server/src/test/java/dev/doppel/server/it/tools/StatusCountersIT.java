package dev.doppel.server.it.tools;

import dev.doppel.server.it.DoppelProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What monitoring reads (issue 17): the Com_* and Queries counters of SHOW [GLOBAL | SESSION] STATUS, the same rows in
 * performance_schema's global_status, session_status, global_variables and session_variables, and the replication
 * statements of a server that does not replicate, over Connector/J and MariaDB Connector/J.
 */
class StatusCountersIT {
    private static final String OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";

    @TempDir
    static Path home;
    private static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(Files.createDirectories(home.resolve("server")));
        try (Connection root = connect("root", ""); Statement statement = root.createStatement()) {
            statement.execute("CREATE DATABASE shop");
            statement.execute("CREATE TABLE shop.items (id INT PRIMARY KEY, qty INT)");
            statement.execute("CREATE TABLE shop.log (id INT)");
            statement.execute("CREATE USER nobody IDENTIFIED BY 'pw'");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection(server.url("mysql", OPTIONS), user, password);
    }

    private static long status(Statement statement, String scope, String name) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SHOW " + scope + " STATUS LIKE '" + name + "'")) {
            assertThat(rows.next()).as(name).isTrue();
            return rows.getLong(2);
        }
    }

    /** The session's Com_* and Queries now, by name. */
    private static Map<String, Long> counters(Statement statement, String scope) throws SQLException {
        Map<String, Long> result = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("SHOW " + scope + " STATUS")) {
            while (rows.next()) {
                if (rows.getString(1).startsWith("Com_") || rows.getString(1).equals("Queries")) {
                    result.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return result;
    }

    /** What changed between two readings of {@link #counters}, without the zeros. */
    private static Map<String, Long> changes(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> result = new TreeMap<>();
        after.forEach((name, value) -> {
            if (value - before.getOrDefault(name, 0L) != 0) {
                result.put(name, value - before.getOrDefault(name, 0L));
            }
        });
        return result;
    }

    @Test
    void eachStatementCountsInItsKindForTheSessionAndTheServer() throws Exception {
        try (Connection connection = connect("root", ""); Statement statement = connection.createStatement()) {
            Map<String, Long> global = counters(statement, "GLOBAL");
            Map<String, Long> session = counters(statement, "SESSION");
            statement.executeQuery("SELECT 1").close();
            statement.executeQuery("SELECT * FROM shop.items").close();
            statement.executeUpdate("INSERT INTO shop.items VALUES (1, 5), (2, 7)");
            statement.executeUpdate("INSERT INTO shop.log SELECT id FROM shop.items");
            statement.executeUpdate("UPDATE shop.items SET qty = qty + 1 WHERE id = 1");
            statement.executeUpdate("UPDATE shop.items i JOIN shop.log l ON l.id = i.id SET i.qty = 0");
            statement.executeUpdate("DELETE FROM shop.log WHERE id = 2");
            // a statement the server cannot read is of no kind; one that fails later still counts
            assertThatThrownBy(() -> statement.execute("SELEC 1")).hasMessageContaining("syntax");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM shop.missing"))
                    .hasMessageContaining("doesn't exist");
            Map<String, Long> counted = changes(session, counters(statement, "SESSION"));
            assertThat(counted).containsExactlyInAnyOrderEntriesOf(Map.of("Com_select", 3L, "Com_insert", 1L,
                    "Com_insert_select", 1L, "Com_update", 1L, "Com_update_multi", 1L, "Com_delete", 1L,
                    "Com_show_status", 1L, "Queries", 10L));
            Map<String, Long> server = changes(global, counters(statement, "GLOBAL"));
            assertThat(server.get("Com_select")).isGreaterThanOrEqualTo(3);
            assertThat(server.get("Com_insert_select")).isGreaterThanOrEqualTo(1);
            try (ResultSet rows = statement.executeQuery("SELECT VARIABLE_VALUE FROM performance_schema.session_status"
                    + " WHERE VARIABLE_NAME = 'Com_insert_select'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(session.get("Com_insert_select") + 1);
            }
            statement.execute("FLUSH STATUS");
            assertThat(status(statement, "SESSION", "Com_select")).isZero();
            assertThat(status(statement, "GLOBAL", "Com_select")).isGreaterThanOrEqualTo(global.get("Com_select") + 4);
        }
    }

    @Test
    void aServerPreparedStatementCountsItsPrepareAndEachExecution() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.url("mysql",
                OPTIONS + "&useServerPrepStmts=true&cachePrepStmts=false"), "root", "");
                Statement statement = connection.createStatement()) {
            Map<String, Long> before = counters(statement, "SESSION");
            try (PreparedStatement select = connection.prepareStatement("SELECT qty FROM shop.items WHERE id = ?")) {
                for (int id = 1; id <= 2; id++) {
                    select.setInt(1, id);
                    select.executeQuery().close();
                }
            }
            assertThat(changes(before, counters(statement, "SESSION"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "Com_stmt_prepare", 1L, "Com_stmt_execute", 2L, "Com_stmt_close", 1L, "Com_select", 2L,
                    "Com_show_status", 1L, "Queries", 3L));
        }
    }

    @Test
    void performanceSchemaHasTheStatusAndVariablesTablesForEveryAccount() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.url("mariadb", OPTIONS), "nobody", "pw");
                Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION sql_mode = 'ANSI_QUOTES'");
            assertThat(rows(statement, "SELECT VARIABLE_VALUE FROM performance_schema.session_variables"
                    + " WHERE VARIABLE_NAME = 'sql_mode'")).containsExactly(List.of("ANSI_QUOTES"));
            assertThat(rows(statement, "SELECT VARIABLE_VALUE FROM performance_schema.global_variables"
                    + " WHERE VARIABLE_NAME = 'max_connections'")).containsExactly(List.of("151"));
            assertThat(rows(statement, "SELECT COUNT(*) > 150 FROM performance_schema.global_status"
                    + " WHERE VARIABLE_NAME LIKE 'Com\\_%'")).containsExactly(List.of("1"));
            assertThat(rows(statement, "SELECT VARIABLE_NAME FROM performance_schema.global_status"
                    + " WHERE VARIABLE_NAME IN ('Queries', 'Uptime', 'Com_commit') ORDER BY 1"))
                    .containsExactly(List.of("Com_commit"), List.of("Queries"), List.of("Uptime"));
            try (ResultSet columns = statement.executeQuery("SELECT * FROM performance_schema.global_status LIMIT 1")) {
                assertThat(columns.getMetaData().getColumnName(1)).isEqualTo("VARIABLE_NAME");
                assertThat(columns.getMetaData().getColumnName(2)).isEqualTo("VARIABLE_VALUE");
            }
            // MariaDB Connector/J puts "(conn=N) " before the server's message
            assertThatThrownBy(() -> statement.executeQuery("SHOW REPLICA STATUS")).hasMessageEndingWith(
                    "Access denied; you need (at least one of) the SUPER, REPLICATION CLIENT privilege(s) for this"
                            + " operation");
            assertThatThrownBy(() -> statement.executeQuery("SHOW REPLICAS")).hasMessageContaining("REPLICATION SLAVE");
        }
    }

    @Test
    void aServerThatDoesNotReplicateShowsNoReplicationRows() throws Exception {
        try (Connection connection = connect("root", ""); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SHOW REPLICA STATUS")) {
                assertThat(rows.getMetaData().getColumnCount()).isEqualTo(60);
                assertThat(rows.getMetaData().getColumnName(1)).isEqualTo("Replica_IO_State");
                assertThat(rows.getMetaData().getColumnName(33)).isEqualTo("Seconds_Behind_Source");
                assertThat(rows.next()).isFalse();
            }
            assertThat(rows(statement, "SHOW REPLICA STATUS FOR CHANNEL ''")).isEmpty();
            assertThat(rows(statement, "SHOW REPLICAS")).isEmpty();
            try (ResultSet rows = statement.executeQuery("SHOW BINARY LOG STATUS")) {
                assertThat(rows.getMetaData().getColumnCount()).isEqualTo(5);
                assertThat(rows.next()).isFalse();
            }
            assertThatThrownBy(() -> statement.executeQuery("SHOW BINARY LOGS"))
                    .hasMessage("You are not using binary logging");
            // removed in 8.4
            assertThatThrownBy(() -> statement.executeQuery("SHOW SLAVE STATUS")).hasMessageContaining("syntax");
            assertThatThrownBy(() -> statement.executeQuery("SHOW MASTER STATUS")).hasMessageContaining("syntax");
            assertThat(status(statement, "SESSION", "Com_show_replica_status")).isEqualTo(2);
            assertThat(status(statement, "SESSION", "Com_show_binary_log_status")).isEqualTo(1);
        }
    }

    @Test
    void statementsAreSummedUpByTheirDigest() throws Exception {
        try (Connection connection = connect("root", ""); Statement statement = connection.createStatement()) {
            statement.execute("USE shop");
            statement.executeUpdate("INSERT INTO items VALUES (10, 1), (11, 2), (12, 3)");
            for (int id = 10; id <= 12; id++) {
                statement.executeQuery("SELECT qty FROM items WHERE id = " + id + " AND qty IN (1, 2, 3)").close();
            }
            assertThatThrownBy(() -> statement.executeQuery("SELECT qty FROM items WHERE id = 'x' AND qty IN (4, 5)"
                    + " AND nothing = 1")).hasMessageContaining("Unknown column");
            assertThat(rows(statement, "SELECT SCHEMA_NAME, DIGEST_TEXT, COUNT_STAR, SUM_ERRORS, SUM_ROWS_SENT,"
                    + " LENGTH(DIGEST), SUM_TIMER_WAIT >= MAX_TIMER_WAIT, QUANTILE_99 >= MIN_TIMER_WAIT,"
                    + " QUERY_SAMPLE_TEXT LIKE 'SELECT qty FROM items WHERE id = 1_ AND qty IN (1, 2, 3)'"
                    + " FROM performance_schema.events_statements_summary_by_digest WHERE DIGEST_TEXT LIKE '%`qty` IN (%'"
                    + " ORDER BY COUNT_STAR DESC")).containsExactly(
                    List.of("shop", "SELECT `qty` FROM `items` WHERE `id` = ? AND `qty` IN (...)", "3", "0", "3", "64",
                            "1", "1", "1"),
                    List.of("shop", "SELECT `qty` FROM `items` WHERE `id` = ? AND `qty` IN (...) AND `nothing` = ?", "1",
                            "1", "0", "64", "1", "1", "0"));
            assertThat(rows(statement, "SELECT SUM_ROWS_AFFECTED FROM performance_schema.events_statements_summary_by_digest"
                    + " WHERE DIGEST_TEXT = 'INSERT INTO `items` VALUES (...) /* , ... */'")).containsExactly(List.of("3"));
            assertThat(rows(statement, "SELECT STATEMENT_DIGEST_TEXT('select * from t where a=-1 and b in (1,2)')"))
                    .containsExactly(List.of("SELECT * FROM `t` WHERE `a` = ? AND `b` IN (...)"));
            statement.execute("TRUNCATE TABLE performance_schema.events_statements_summary_by_digest");
            assertThat(rows(statement, "SELECT COUNT(*) FROM performance_schema.events_statements_summary_by_digest"
                    + " WHERE DIGEST_TEXT LIKE '%`qty` IN (%'")).containsExactly(List.of("0"));
            assertThatThrownBy(() -> statement.execute("TRUNCATE TABLE performance_schema.global_status"))
                    .hasMessage("Invalid performance_schema usage.");
        }
        try (Connection nobody = connect("nobody", "pw"); Statement statement = nobody.createStatement()) {
            assertThatThrownBy(() -> statement.execute("TRUNCATE TABLE performance_schema.events_statements_summary_by_digest"))
                    .hasMessageStartingWith("DROP command denied to user 'nobody'@");
        }
    }

    @Test
    void eachSessionsStatementsAreEventsWithTheirErrorsAndTheirSecretsHidden() throws Exception {
        try (Connection connection = connect("root", ""); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO shop.log VALUES (1)");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM shop.nowhere"));
            statement.execute("CREATE USER IF NOT EXISTS evented IDENTIFIED BY 'hidden-pw'");
            List<List<String>> history = rows(statement, "SELECT EVENT_NAME, SQL_TEXT, MYSQL_ERRNO, RETURNED_SQLSTATE,"
                    + " ERRORS, ROWS_AFFECTED FROM performance_schema.events_statements_history"
                    + " WHERE THREAD_ID = CONNECTION_ID() AND SQL_TEXT NOT LIKE '%@@%' ORDER BY EVENT_ID DESC LIMIT 3");
            // Connector/J's own statements (SELECT @@session.transaction_read_only) are events too
            assertThat(history).containsExactly(
                    List.of("statement/sql/create_user", "CREATE USER IF NOT EXISTS evented IDENTIFIED BY <secret>", "0",
                            "00000", "0", "0"),
                    List.of("statement/sql/select", "SELECT * FROM shop.nowhere", "1146", "42S02", "1", "0"),
                    List.of("statement/sql/insert", "INSERT INTO shop.log VALUES (1)", "0", "00000", "0", "1"));
            assertThat(rows(statement, "SELECT SQL_TEXT, TIMER_END >= TIMER_START FROM"
                    + " performance_schema.events_statements_current WHERE THREAD_ID = CONNECTION_ID()"))
                    .containsExactly(List.of("SELECT EVENT_NAME, SQL_TEXT, MYSQL_ERRNO, RETURNED_SQLSTATE,"
                            + " ERRORS, ROWS_AFFECTED FROM performance_schema.events_statements_history"
                            + " WHERE THREAD_ID = CONNECTION_ID() AND SQL_TEXT NOT LIKE '%@@%' ORDER BY EVENT_ID DESC"
                            + " LIMIT 3", "1"));
            assertThat(rows(statement, "SELECT COUNT(*) <= 10 FROM performance_schema.events_statements_history"
                    + " WHERE THREAD_ID = CONNECTION_ID()")).containsExactly(List.of("1"));
        }
    }

    @Test
    void variablesInfoSaysWhereEachValueCameFrom() throws Exception {
        try (Connection connection = connect("root", ""); Statement statement = connection.createStatement()) {
            statement.execute("SET GLOBAL max_connections = 321");
            assertThat(rows(statement, "SELECT VARIABLE_NAME, VARIABLE_SOURCE, VARIABLE_PATH, MIN_VALUE, MAX_VALUE,"
                    + " SET_TIME IS NOT NULL, SET_USER, SET_HOST FROM performance_schema.variables_info"
                    + " WHERE VARIABLE_NAME IN ('max_connections', 'port', 'sql_mode') ORDER BY VARIABLE_NAME"))
                    .containsExactly(List.of("max_connections", "DYNAMIC", "", "1", "100000", "1", "root", "localhost"),
                            java.util.Arrays.asList("port", "COMMAND_LINE", "", "0", "65535", "0", null, null),
                            java.util.Arrays.asList("sql_mode", "COMPILED", "", "0", "0", "0", null, null));
            statement.execute("SET GLOBAL max_connections = DEFAULT");
        }
    }

    @Test
    void bytesAreCountedAndTlsIsNamed() throws Exception {
        try (Connection plain = connect("root", ""); Statement statement = plain.createStatement()) {
            long received = status(statement, "SESSION", "Bytes_received");
            long sent = status(statement, "SESSION", "Bytes_sent");
            long globalSent = status(statement, "GLOBAL", "Bytes_sent");
            try (ResultSet rows = statement.executeQuery("SELECT REPEAT('x', 10000)")) {
                rows.next();
            }
            assertThat(status(statement, "SESSION", "Bytes_received")).isGreaterThan(received + 20);
            assertThat(status(statement, "SESSION", "Bytes_sent")).isGreaterThan(sent + 10000);
            assertThat(status(statement, "GLOBAL", "Bytes_sent")).isGreaterThan(globalSent + 10000);
            assertThat(rows(statement, "SHOW SESSION STATUS LIKE 'Ssl_cipher'")).containsExactly(List.of("Ssl_cipher", ""));
        }
        try (Connection secure = DriverManager.getConnection(server.url("mysql",
                "sslMode=REQUIRED&allowPublicKeyRetrieval=true"), "root", ""); Statement statement = secure.createStatement()) {
            List<List<String>> tls = rows(statement, "SHOW SESSION STATUS LIKE 'Ssl_%'");
            assertThat(tls).hasSize(2);
            assertThat(tls.get(0).get(1)).startsWith("TLS_");
            assertThat(tls.get(1).get(1)).startsWith("TLSv1.");
            assertThat(rows(statement, "SELECT CONNECTION_TYPE FROM performance_schema.threads"
                    + " WHERE THREAD_ID = CONNECTION_ID()")).containsExactly(List.of("SSL/TLS"));
        }
    }

    @Test
    void accountsUsersHostsAndTheProcesslistCountTheSessions() throws Exception {
        try (Connection root = connect("root", ""); Statement statement = root.createStatement();
                Connection nobody = connect("nobody", "pw"); Statement other = nobody.createStatement()) {
            List<List<String>> accounts = rows(statement, "SELECT USER, HOST, CURRENT_CONNECTIONS >= 1,"
                    + " TOTAL_CONNECTIONS >= CURRENT_CONNECTIONS FROM performance_schema.accounts WHERE USER = 'nobody'");
            assertThat(accounts).containsExactly(List.of("nobody", "localhost", "1", "1"));
            assertThat(rows(statement, "SELECT CURRENT_CONNECTIONS FROM performance_schema.users WHERE USER = 'nobody'"))
                    .containsExactly(List.of("1"));
            assertThat(rows(statement, "SELECT COUNT(*) FROM performance_schema.hosts WHERE HOST = 'localhost'"
                    + " AND TOTAL_CONNECTIONS >= 2")).containsExactly(List.of("1"));
            assertThat(rows(statement, "SELECT USER, INFO, EXECUTION_ENGINE FROM performance_schema.processlist"
                    + " WHERE ID = CONNECTION_ID()")).containsExactly(List.of("root",
                    "SELECT USER, INFO, EXECUTION_ENGINE FROM performance_schema.processlist WHERE ID = CONNECTION_ID()",
                    "PRIMARY"));
            // without PROCESS an account sees its own sessions only; the tables of other sessions' accounts and
            // statements need SELECT on them, as in MySQL
            assertThat(rows(other, "SELECT DISTINCT USER FROM performance_schema.processlist"))
                    .containsExactly(List.of("nobody"));
            assertThat(rows(statement, "SELECT t.NAME, t.TYPE, t.PROCESSLIST_USER, t.CONNECTION_TYPE, t.INSTRUMENTED"
                    + " FROM performance_schema.threads t JOIN performance_schema.processlist p"
                    + " ON p.ID = t.PROCESSLIST_ID WHERE t.THREAD_ID = CONNECTION_ID()"))
                    .containsExactly(List.of("thread/sql/one_connection", "FOREGROUND", "root", "TCP/IP", "YES"));
            assertThat(rows(statement, "SELECT COUNT(*) FROM performance_schema.threads WHERE PROCESSLIST_USER = 'nobody'"))
                    .containsExactly(List.of("1"));
            assertThat(rows(statement, "SELECT VARIABLE_VALUE FROM performance_schema.status_by_thread"
                    + " WHERE THREAD_ID = CONNECTION_ID() AND VARIABLE_NAME = 'Com_select'"))
                    .containsExactly(List.of(rows(statement, "SHOW SESSION STATUS LIKE 'Com_select'").get(0).get(1)));
            other.execute("SET SESSION sort_buffer_size = 65536");
            assertThat(rows(statement, "SELECT v.VARIABLE_VALUE FROM performance_schema.variables_by_thread v"
                    + " JOIN performance_schema.threads t ON t.THREAD_ID = v.THREAD_ID"
                    + " WHERE t.PROCESSLIST_USER = 'nobody' AND v.VARIABLE_NAME = 'sort_buffer_size'"))
                    .containsExactly(List.of("65536"));
            for (String table : List.of("accounts", "users", "hosts", "events_statements_summary_by_digest", "threads",
                    "status_by_thread", "variables_by_thread", "events_statements_current",
                    "events_statements_history", "variables_info")) {
                assertThatThrownBy(() -> other.executeQuery("SELECT * FROM performance_schema." + table))
                        .hasMessageContaining("SELECT command denied to user 'nobody'@");
            }
            statement.execute("GRANT SELECT ON performance_schema.accounts TO nobody");
            try {
                assertThat(rows(other, "SELECT COUNT(*) > 0 FROM performance_schema.accounts"))
                        .containsExactly(List.of("1"));
            } finally {
                statement.execute("REVOKE SELECT ON performance_schema.accounts FROM nobody");
            }
        }
    }

    private static List<List<String>> rows(Statement statement, String sql) throws SQLException {
        List<List<String>> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            int count = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
        }
        return result;
    }
}
