package dev.doppel.server.training;

import dev.doppel.server.it.DoppelProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The build's AOT training run (package phase, after the distribution is laid out): starts the packaged server with
 * {@code DOPPEL_AOT_OUTPUT=lib/doppel.aot}, drives it the way clients do (connects over each authentication path,
 * Connector/J and MariaDB Connector/J, text and prepared OLTP statements, metadata, DDL), and stops it; the JVM writes
 * the cache as it exits. bin/doppeld then starts every server with that cache on JDK 25 and newer.
 * Run as {@code java -cp <test classpath> dev.doppel.server.training.AotTraining <distribution>}. The server's data
 * directory and socket go to a temporary directory (a socket path must stay under 108 bytes, a checkout's may not),
 * which is removed after a successful run and kept for a look after a failed one.
 */
public final class AotTraining {
    private static final int ROWS = 2_000;

    public static void main(String[] args) throws Exception {
        Path distribution = Path.of(args[0]).toAbsolutePath();
        System.setProperty("doppel.home", distribution.toString());
        Path cache = distribution.resolve("lib/doppel.aot");
        Files.deleteIfExists(cache);
        int jdk = DoppelProcess.launcherJavaMajor();
        if (jdk < 25) {
            System.out.println("no AOT cache: bin/doppeld runs JDK " + jdk + " here, AOT caches need JDK 25 or newer");
            return;
        }
        long start = System.nanoTime();
        Path work = Files.createTempDirectory("doppel-aot-");
        try {
            record(work, cache);
        } catch (Exception | Error e) {
            System.err.println("AOT training failed; its files are in " + work);
            throw e;
        }
        deleteTree(work);
        System.out.printf("AOT cache %s: %d MB, trained in %.1f s%n", cache, Files.size(cache) >> 20,
                (System.nanoTime() - start) / 1e9);
    }

    private static void record(Path work, Path cache) throws Exception {
        DoppelProcess.Result init = DoppelProcess.run(work, "--no-defaults", "--initialize-insecure",
                "--datadir=" + work.resolve("data"), "--log-error=" + work.resolve("init.log"));
        if (init.exitCode() != 0) {
            throw new IllegalStateException("initialize failed: " + Files.readString(work.resolve("init.log")));
        }
        DoppelProcess server = DoppelProcess.prepare(work).environment("DOPPEL_AOT_OUTPUT", cache.toString());
        server.launch();
        try {
            train(server);
        } finally {
            // the JVM writes the cache as it exits: 5-10 s here, more on a slow machine
            int exit = server.stop(Duration.ofMinutes(3));
            if (exit != 0) {
                throw new IllegalStateException("training server exited with " + exit + ": " + server.log());
            }
        }
        String output = Files.readString(work.resolve("stdout.log"));
        if (!Files.exists(cache)) {
            throw new IllegalStateException("the training server left no AOT cache; its output:\n" + output);
        }
    }

    private static void train(DoppelProcess server) throws Exception {
        String plain = server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true");
        try (Connection root = DriverManager.getConnection(plain, "root", "")) {
            execute(root, "CREATE USER trainer@'%' IDENTIFIED BY 'training-password'",
                    "GRANT ALL ON *.* TO trainer@'%'", "CREATE DATABASE training",
                    "CREATE TABLE training.sbtest (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, k INT NOT NULL DEFAULT 0,"
                            + " c CHAR(120) NOT NULL DEFAULT '', pad CHAR(60) NOT NULL DEFAULT '', KEY k_1 (k))"
                            + " ENGINE=InnoDB");
            try (PreparedStatement insert = root.prepareStatement(
                    "INSERT INTO training.sbtest (k, c, pad) VALUES (?, ?, ?)")) {
                for (int i = 0; i < ROWS; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "c-" + i);
                    insert.setString(3, "pad-" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        // Connects: the paths drivers take (no password, caching_sha2 over TLS, RSA key exchange, MariaDB's driver).
        connects(plain, "root", "", 1_500);
        connects(server.url("mysql", ""), "trainer", "training-password", 200);
        connects(plain, "trainer", "training-password", 200);
        connects(server.url("mariadb", ""), "root", "", 500);
        // OLTP statements as sysbench and applications send them, text and server-prepared, from concurrent clients
        // so that the commits share chunk writes as under load (a single client trained a slower write path).
        String prepared = server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true&useServerPrepStmts=true");
        concurrently(List.of(prepared, prepared, plain, server.url("mariadb", "useServerPrepStmts=true")), 3_000);
        try (Connection c = DriverManager.getConnection(plain, "root", "")) {
            metadata(c);
            execute(c, "DROP DATABASE training");
        }
    }

    private static void connects(String url, String user, String password, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            try (Connection c = DriverManager.getConnection(url, user, password);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
            }
        }
    }

    private static void concurrently(List<String> urls, int transactionsEach) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(urls.size());
        try {
            List<Future<Integer>> conflicts = new ArrayList<>();
            for (String url : urls) {
                conflicts.add(clients.submit(() -> oltp(url, transactionsEach)));
            }
            int total = 0;
            for (Future<Integer> each : conflicts) {
                total += each.get();
            }
            if (total > urls.size() * transactionsEach / 10) {
                throw new IllegalStateException(total + " training transactions failed on conflicts");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Runs sysbench-shaped transactions; returns how many failed on a conflict with another client's. */
    private static int oltp(String url, int transactions) throws SQLException {
        int conflicts = 0;
        try (Connection c = DriverManager.getConnection(url, "root", "")) {
            OltpStatements statements = new OltpStatements(c);
            for (int i = 0; i < transactions; i++) {
                boolean write = i % 2 == 1;
                // JDBC's own transactions (SET autocommit=0, COMMIT) and, as sysbench sends them, BEGIN and COMMIT.
                c.setAutoCommit(!write || i % 4 == 3);
                try {
                    statements.run(1 + ThreadLocalRandom.current().nextInt(ROWS), i, write);
                } catch (SQLException e) {
                    // Deadlock, lock wait timeout or a duplicate key from a concurrent DELETE + INSERT of the same id.
                    if (e.getErrorCode() != 1213 && e.getErrorCode() != 1205 && e.getErrorCode() != 1062) {
                        throw e;
                    }
                    conflicts++;
                    if (c.getAutoCommit()) {
                        statements.text.execute("ROLLBACK");
                    } else {
                        c.rollback();
                    }
                }
            }
            c.setAutoCommit(true);
        }
        return conflicts;
    }

    /** sysbench oltp_read_write's statements on one connection (closed with it). */
    private static final class OltpStatements {
        private final Connection c;
        private final PreparedStatement point;
        private final PreparedStatement range;
        private final PreparedStatement sum;
        private final PreparedStatement distinct;
        private final Statement text;
        private final PreparedStatement updateIndex;
        private final PreparedStatement updateText;
        private final PreparedStatement delete;
        private final PreparedStatement insert;

        OltpStatements(Connection c) throws SQLException {
            this.c = c;
            point = c.prepareStatement("SELECT c FROM training.sbtest WHERE id = ?");
            range = c.prepareStatement("SELECT c FROM training.sbtest WHERE id BETWEEN ? AND ? ORDER BY c");
            sum = c.prepareStatement("SELECT SUM(k) FROM training.sbtest WHERE id BETWEEN ? AND ?");
            distinct = c.prepareStatement(
                    "SELECT DISTINCT c FROM training.sbtest WHERE id BETWEEN ? AND ? ORDER BY c");
            text = c.createStatement();
            updateIndex = c.prepareStatement("UPDATE training.sbtest SET k = k + 1 WHERE id = ?");
            updateText = c.prepareStatement("UPDATE training.sbtest SET c = ? WHERE id = ?");
            delete = c.prepareStatement("DELETE FROM training.sbtest WHERE id = ?");
            insert = c.prepareStatement("INSERT INTO training.sbtest (id, k, c, pad) VALUES (?, ?, ?, ?)");
        }

        void run(int id, int n, boolean write) throws SQLException {
            boolean explicit = write && c.getAutoCommit();
            if (explicit) {
                text.execute("BEGIN");
            }
            point.setInt(1, id);
            drain(point.executeQuery());
            range.setInt(1, id);
            range.setInt(2, id + 10);
            drain(range.executeQuery());
            sum.setInt(1, id);
            sum.setInt(2, id + 10);
            drain(sum.executeQuery());
            distinct.setInt(1, id);
            distinct.setInt(2, id + 10);
            drain(distinct.executeQuery());
            if (!write) {
                return;
            }
            updateIndex.setInt(1, id);
            updateIndex.executeUpdate();
            updateText.setString(1, "updated-" + n);
            updateText.setInt(2, id);
            updateText.executeUpdate();
            delete.setInt(1, id);
            delete.executeUpdate();
            insert.setInt(1, id);
            insert.setInt(2, n);
            insert.setString(3, "c-" + n);
            insert.setString(4, "pad-" + n);
            insert.executeUpdate();
            if (explicit) {
                text.execute("COMMIT");
            } else {
                c.commit();
            }
        }
    }

    private static void metadata(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        drain(meta.getCatalogs());
        drain(meta.getTables("training", null, "%", null));
        drain(meta.getColumns("training", null, "sbtest", "%"));
        drain(meta.getPrimaryKeys("training", null, "sbtest"));
        drain(meta.getIndexInfo("training", null, "sbtest", false, false));
        for (String sql : new String[] {"SHOW DATABASES", "SHOW TABLES FROM training", "SHOW CREATE TABLE training.sbtest",
                "SHOW VARIABLES LIKE 'version%'", "SHOW STATUS", "SHOW PLUGINS", "SHOW GRANTS FOR trainer@'%'",
                "SELECT * FROM information_schema.PLUGINS", "SELECT COUNT(*), MAX(k) FROM training.sbtest GROUP BY k % 7"}) {
            try (Statement s = c.createStatement()) {
                drain(s.executeQuery(sql));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static void drain(ResultSet rs) throws SQLException {
        try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    rs.getObject(i);
                }
            }
        }
    }
}
