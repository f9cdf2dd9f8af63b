package dev.doppel.server.it.clone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.doppel.server.it.DoppelProcess;
import dev.doppel.server.it.FileTrees;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/** What the clone tests share: connections, padding data that makes a throttled clone last, table comparison. */
final class CloneSupport {
    static final String OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";
    private static final Set<String> NOT_COPIED = Set.of("information_schema", "performance_schema");

    private CloneSupport() {
    }

    /**
     * Starts a server on a clone's copy under {@code home}. A copy that does not start is kept under
     * target/broken-copies (the test's own directory is deleted) for reading its store offline: a copy is what a crash
     * at the clone's consistent point would leave (docs/durability.md, the engine's StackOverflowError on open).
     */
    static DoppelProcess startCopy(Path home) throws Exception {
        try {
            return DoppelProcess.startInitialized(home);
        } catch (IllegalStateException e) {
            Path kept = Path.of("target", "broken-copies", home.getFileName() + "-" + System.currentTimeMillis());
            FileTrees.copy(home, kept);
            throw new IllegalStateException("the copy did not start (" + firstFailureLine(e.getMessage()) + "); kept at "
                    + kept.toAbsolutePath(), e);
        }
    }

    /** The line of a failed start that names the failure: the summary of a test run shows only the message. */
    private static String firstFailureLine(String message) {
        String text = message == null ? "" : message;
        for (String line : text.split("\\R")) {
            if (line.contains("Error") || line.contains("Exception") || line.contains("not ready")) {
                return line.strip().length() > 300 ? line.strip().substring(0, 300) : line.strip();
            }
        }
        return text.length() > 300 ? text.substring(0, 300) : text;
    }

    static Connection connect(DoppelProcess server) throws SQLException {
        return connect(server, "root", "");
    }

    static Connection connect(DoppelProcess server, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(server.url("mysql", OPTIONS), properties);
    }

    static void execute(Connection connection, String... statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String each : statements) {
                statement.execute(each);
            }
        }
    }

    static List<List<String>> rows(Connection connection, String sql) throws SQLException {
        List<List<String>> result = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rows.getString(i));
                }
                result.add(row);
            }
        }
        return result;
    }

    static String value(Connection connection, String sql) throws SQLException {
        return rows(connection, sql).get(0).get(0);
    }

    /** About {@code megabytes} MB of rows in {@code db.pad}, so that a clone at 1 MiB/s lasts that many seconds. */
    static void pad(Connection connection, String db, int megabytes) throws SQLException {
        execute(connection, "CREATE DATABASE IF NOT EXISTS " + db,
                "CREATE TABLE " + db + ".pad (id INT PRIMARY KEY, filler VARCHAR(1000))");
        String filler = "p".repeat(1000);
        try (Statement insert = connection.createStatement()) {
            for (int first = 0; first < megabytes * 1000; first += 100) {
                StringBuilder sql = new StringBuilder("INSERT INTO " + db + ".pad VALUES ");
                for (int i = first; i < first + 100; i++) {
                    // varied text: a compressing store must still write the bytes
                    sql.append(i == first ? "" : ", ").append('(').append(i).append(", '").append(i)
                            .append(filler, Integer.toString(i).length(), filler.length()).append("')");
                }
                insert.execute(sql.toString());
            }
        }
    }

    /** Every table of every schema the clone copies, as "schema.table" → its rows in primary-key order. */
    static List<String> tables(Connection connection) throws SQLException {
        List<String> result = new ArrayList<>();
        for (List<String> schema : rows(connection, "SHOW DATABASES")) {
            String name = schema.get(0);
            if (NOT_COPIED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (List<String> table : rows(connection, "SHOW TABLES FROM `" + name + "`")) {
                result.add(name + "." + table.get(0));
            }
        }
        return result;
    }

    static void assertSameData(Connection donor, Connection copy) throws SQLException {
        List<String> tables = tables(donor);
        assertThat(tables(copy)).containsExactlyInAnyOrderElementsOf(tables);
        for (String each : tables) {
            String[] parts = each.split("\\.", 2);
            String sql = "SELECT * FROM `" + parts[0] + "`.`" + parts[1] + "`";
            assertThat(sorted(rows(copy, sql))).as(each).isEqualTo(sorted(rows(donor, sql)));
        }
    }

    private static List<String> sorted(List<List<String>> rows) {
        return rows.stream().map(Object::toString).sorted().toList();
    }

    static void cloneTo(Connection connection, Path target) throws SQLException {
        execute(connection, "CLONE LOCAL DATA DIRECTORY = '" + target + "'");
    }

    /** Waits until the clone of another session copies (clone_status In Progress, DATA growing). */
    static void awaitCopying(Connection watcher) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<List<String>> status = rows(watcher, "SELECT STATE FROM performance_schema.clone_status");
            List<List<String>> copying = rows(watcher, "SELECT DATA FROM performance_schema.clone_progress"
                    + " WHERE STAGE = 'FILE COPY' AND STATE = 'In Progress'");
            if (!status.isEmpty() && status.get(0).get(0).equals("In Progress") && !copying.isEmpty()
                    && Long.parseLong(copying.get(0).get(0)) > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the clone did not start copying");
    }
}
