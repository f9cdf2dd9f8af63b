package dev.doppel.server.it.clone;

import static dev.doppel.server.it.clone.CloneSupport.awaitCopying;
import static dev.doppel.server.it.clone.CloneSupport.cloneTo;
import static dev.doppel.server.it.clone.CloneSupport.connect;
import static dev.doppel.server.it.clone.CloneSupport.execute;
import static dev.doppel.server.it.clone.CloneSupport.pad;
import static dev.doppel.server.it.clone.CloneSupport.rows;
import static dev.doppel.server.it.clone.CloneSupport.startCopy;
import static dev.doppel.server.it.clone.CloneSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.server.it.MysqlCli;
import dev.doppel.server.it.DoppelProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * CLONE LOCAL DATA DIRECTORY against real server processes (issue 5): the statement through the mysql CLI and a
 * server started on the copy, every error case with MySQL's number and text, the status tables while a clone runs
 * and after, KILL QUERY, UNINSTALL during a clone, clone_block_ddl, and a full disk.
 */
class CloneIT {
    @TempDir
    Path home;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void cloneThroughTheCliGivesACopyThatStartsWithTheDonorsData() throws Exception {
        Path target = home.resolve("copy/data");
        try (DoppelProcess donor = DoppelProcess.start(Files.createDirectories(home.resolve("donor")), "--log-error-verbosity=3")) {
            MysqlCli.Result setup = MysqlCli.run("""
                    INSTALL PLUGIN clone SONAME 'mysql_clone.so';
                    CREATE USER 'clone_user'@'%' IDENTIFIED BY 'secret';
                    GRANT BACKUP_ADMIN ON *.* TO 'clone_user'@'%';
                    CREATE DATABASE shop;
                    CREATE TABLE shop.items (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(40), price DECIMAL(8,2));
                    INSERT INTO shop.items (name, price) VALUES ('pen', 1.50), ('book', 12.00), (NULL, 0);
                    CREATE DATABASE empty_db;
                    """, "-h127.0.0.1", "-P" + donor.port(), "-uroot");
            assertThat(setup.exitCode()).as(setup.stderr()).isZero();
            MysqlCli.Result clone = MysqlCli.run("CLONE LOCAL DATA DIRECTORY = '" + target + "';\n",
                    "-h127.0.0.1", "-P" + donor.port(), "-uclone_user", "-psecret");
            assertThat(clone.exitCode()).as(clone.stderr()).isZero();

            Path markers = target.resolve("#clone");
            assertThat(markers.resolve("#status_in_progress")).doesNotExist();
            assertThat(markers.resolve("#view_status")).exists();
            assertThat(target.resolve("auto.cnf")).doesNotExist();
            assertThat(target.resolve("ca.pem")).doesNotExist();
            assertThat(donor.log()).contains("Clone State BEGIN FILE COPY", "Clone State END REDO COPY",
                    "Clone State END FILE SYNC");

            try (Connection connection = connect(donor)) {
                assertThat(rows(connection, "SELECT ID, STATE, SOURCE, DESTINATION, ERROR_NO, ERROR_MESSAGE,"
                        + " BINLOG_FILE, BINLOG_POSITION, GTID_EXECUTED, END_TIME IS NOT NULL"
                        + " FROM performance_schema.clone_status")).containsExactly(List.of("1", "Completed",
                        "LOCAL INSTANCE", target + "/", "0", "", "", "0", "", "1"));
                assertThat(rows(connection, "SELECT STAGE, STATE FROM performance_schema.clone_progress"))
                        .containsExactly(List.of("DROP DATA", "Completed"), List.of("FILE COPY", "Completed"),
                                List.of("PAGE COPY", "Completed"), List.of("REDO COPY", "Completed"),
                                List.of("FILE SYNC", "Completed"), List.of("RESTART", "Not Started"),
                                List.of("RECOVERY", "Not Started"));
                assertThat(value(connection, "SELECT PID = CONNECTION_ID() FROM performance_schema.clone_status"))
                        .isEqualTo("0");
                assertThat(value(connection, "SELECT DATA >= ESTIMATE AND ESTIMATE > 0"
                        + " FROM performance_schema.clone_progress WHERE STAGE = 'FILE COPY'")).isEqualTo("1");
                assertThat(rows(connection, "SHOW GLOBAL STATUS LIKE 'Com_clone'"))
                        .containsExactly(List.of("Com_clone", "1"));
            }

            try (DoppelProcess copy = startCopy(target.getParent());
                    Connection donorConnection = connect(donor);
                    Connection copyConnection = connect(copy, "clone_user", "secret")) {
                execute(copyConnection, "SELECT 1");
                try (Connection copyRoot = connect(copy)) {
                    CloneSupport.assertSameData(donorConnection, copyRoot);
                    assertThat(value(copyRoot, "SELECT @@server_uuid"))
                            .isNotEqualTo(value(donorConnection, "SELECT @@server_uuid"));
                    assertThat(rows(copyRoot, "SELECT PLUGIN_STATUS FROM INFORMATION_SCHEMA.PLUGINS"
                            + " WHERE PLUGIN_NAME = 'clone'")).containsExactly(List.of("ACTIVE"));
                    assertThat(rows(copyRoot, "SELECT ID, PID, STATE, DESTINATION, ERROR_NO"
                            + " FROM performance_schema.clone_status"))
                            .containsExactly(List.of("1", "0", "Completed", "LOCAL INSTANCE", "0"));
                    assertThat(rows(copyRoot, "SELECT STATE FROM performance_schema.clone_progress"))
                            .allMatch(row -> row.get(0).equals("Completed")).hasSize(7);
                    // the copy opens as after a crash: H2 hands out identity values in blocks of 32 and a
                    // recovered table continues after the block (a gap, never a duplicate)
                    execute(copyRoot, "INSERT INTO shop.items (name, price) VALUES ('new', 2)");
                    assertThat(Long.parseLong(value(copyRoot, "SELECT MAX(id) FROM shop.items"))).isGreaterThan(3);
                    assertThat(value(copyRoot, "SELECT COUNT(*) FROM shop.items")).isEqualTo("4");
                }
                assertThat(Files.readString(target.resolve("ca.pem")))
                        .isNotEqualTo(Files.readString(donor.datadir().resolve("ca.pem")));
                assertThat(target.resolve("#clone/#status_recovery")).doesNotExist();
            }
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void everyRefusalHasMySqlsNumberAndTextAndLeavesTheStatusAsItWas() throws Exception {
        try (DoppelProcess donor = DoppelProcess.start(Files.createDirectories(home.resolve("donor")));
                Connection root = connect(donor)) {
            String target = home.resolve("first").toString();
            assertError(root, "CLONE LOCAL DATA DIRECTORY '" + target + "'", 1524, "HY000",
                    "Plugin 'clone' is not loaded");
            assertError(root, "SELECT * FROM performance_schema.clone_status", 1146, "42S02",
                    "Table 'performance_schema.clone_status' doesn't exist");
            assertError(root, "SET GLOBAL clone_buffer_size = 2097152", 1193, "HY000",
                    "Unknown system variable 'clone_buffer_size'");
            assertError(root, "UNINSTALL PLUGIN clone", 1305, "42000", "PLUGIN clone does not exist");

            execute(root, "INSTALL PLUGIN clone SONAME 'mysql_clone.so'",
                    "CREATE USER 'plain'@'%' IDENTIFIED BY 'pw'", "GRANT SELECT ON *.* TO 'plain'@'%'");
            assertError(root, "INSTALL PLUGIN clone SONAME 'mysql_clone.so'", 1125, "HY000",
                    "Function 'clone' already exists");
            try (Connection plain = connect(donor, "plain", "pw")) {
                assertError(plain, "CLONE LOCAL DATA DIRECTORY '" + target + "'", 1227, "42000",
                        "Access denied; you need (at least one of) the BACKUP_ADMIN privilege(s) for this operation");
                // the privilege comes before the path checks
                assertError(plain, "CLONE LOCAL DATA DIRECTORY 'relative'", 1227, "42000",
                        "Access denied; you need (at least one of) the BACKUP_ADMIN privilege(s) for this operation");
            }
            assertThat(rows(root, "SELECT * FROM performance_schema.clone_status")).isEmpty();

            cloneTo(root, Path.of(target));
            List<List<String>> after = rows(root, "SELECT * FROM performance_schema.clone_status");
            assertThat(after).hasSize(1);

            assertError(root, "CLONE LOCAL DATA DIRECTORY './data'", 1525, "HY000", "Incorrect path value: './data'");
            assertError(root, "CLONE LOCAL DATA DIRECTORY = 'relative/dir'", 1525, "HY000",
                    "Incorrect path value: 'relative/dir'");
            String longPath = "/tmp/" + "x".repeat(520);
            assertError(root, "CLONE LOCAL DATA DIRECTORY '" + longPath + "'", 1680, "HY000",
                    "The path specified for DATA DIRECTORY is too long.");
            assertError(root, "CLONE LOCAL DATA DIRECTORY '" + target + "'", 1007, "HY000",
                    "Can't create database '" + target + "'; database exists");
            Path empty = Files.createDirectories(home.resolve("empty"));
            assertError(root, "CLONE LOCAL DATA DIRECTORY '" + empty + "'", 1007, "HY000",
                    "Can't create database '" + empty + "'; database exists");
            String inside = donor.datadir() + "/sub/copy";
            assertError(root, "CLONE LOCAL DATA DIRECTORY '" + inside + "'", 3632, "HY000",
                    "Path is within the current data directory '" + inside + "'");
            assertError(root, "CLONE LOCAL DATA DIRECTORY", 1064, "42000",
                    "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server"
                            + " version for the right syntax to use near '' at line 1");
            assertThat(rows(root, "SELECT * FROM performance_schema.clone_status")).isEqualTo(after);

            Path file = Files.writeString(home.resolve("a-file"), "x");
            String underFile = file + "/copy";
            assertError(root, "CLONE LOCAL DATA DIRECTORY '" + underFile + "'", 1006, "HY000",
                    "Can't create database '" + underFile + "/' (errno: 20 - Not a directory)");
            assertThat(rows(root, "SELECT ID, STATE, ERROR_NO FROM performance_schema.clone_status"))
                    .containsExactly(List.of("2", "Failed", "1006"));
            assertThat(rows(root, "SHOW GLOBAL STATUS LIKE 'Com_clone'")).containsExactly(List.of("Com_clone", "11"));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRunningCloneShowsProgressRefusesASecondAndUninstallAndStopsOnKillQuery() throws Exception {
        try (DoppelProcess donor = DoppelProcess.start(Files.createDirectories(home.resolve("donor")));
                Connection root = connect(donor); Connection cloner = connect(donor)) {
            execute(root, "INSTALL PLUGIN clone SONAME 'mysql_clone.so'");
            pad(root, "padded", 6);
            execute(root, "SET GLOBAL clone_max_data_bandwidth = 1");
            String clonerId = value(cloner, "SELECT CONNECTION_ID()");
            Path target = home.resolve("slow/data");
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try {
                    cloneTo(cloner, target);
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            awaitCopying(root);
            assertThat(rows(root, "SELECT PID, STATE, END_TIME FROM performance_schema.clone_status"))
                    .containsExactly(java.util.Arrays.asList(clonerId, "In Progress", null));
            long first = Long.parseLong(value(root, "SELECT DATA FROM performance_schema.clone_progress"
                    + " WHERE STAGE = 'FILE COPY'"));
            Thread.sleep(1200);
            List<String> progress = rows(root, "SELECT DATA, ESTIMATE, DATA_SPEED, THREADS"
                    + " FROM performance_schema.clone_progress WHERE STAGE = 'FILE COPY'").get(0);
            assertThat(Long.parseLong(progress.get(0))).isGreaterThan(first)
                    .isLessThan(Long.parseLong(progress.get(1)));
            // 1 MiB/s, measured over the stage so far
            assertThat(Long.parseLong(progress.get(2))).isBetween(300_000L, 2_000_000L);
            assertThat(progress.get(3)).isEqualTo("1");

            assertError(root, "CLONE LOCAL DATA DIRECTORY '" + home.resolve("second") + "'", 3634, "HY000",
                    "Too many concurrent clone operations. Maximum allowed - 1.");
            assertError(root, "UNINSTALL PLUGIN clone", 1883, "HY000",
                    "Plugin 'clone' cannot be uninstalled now. Clone operation is in progress.");

            execute(root, "KILL QUERY " + clonerId);
            assertThatThrownBy(running::join).hasCauseInstanceOf(RuntimeException.class)
                    .cause().cause().isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1317);
                        assertThat(e.getSQLState()).isEqualTo("70100");
                        assertThat(e.getMessage()).isEqualTo("Query execution was interrupted");
                    });
            assertThat(rows(root, "SELECT STATE, ERROR_NO, ERROR_MESSAGE FROM performance_schema.clone_status"))
                    .containsExactly(List.of("Failed", "1317", "Query execution was interrupted"));
            assertThat(rows(root, "SELECT STATE FROM performance_schema.clone_progress"
                    + " WHERE STAGE = 'FILE COPY'")).containsExactly(List.of("Failed"));
            assertThat(target.resolve("#clone/#status_in_progress")).exists();
            execute(cloner, "SELECT 1");

            DoppelProcess.Result refused = DoppelProcess.run(home, "--no-defaults", "--datadir=" + target,
                    "--port=0", "--socket=" + home.resolve("refused.sock"));
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.output()).contains("Incomplete cloned data directory");

            execute(root, "UNINSTALL PLUGIN clone");
            assertError(root, "SELECT * FROM performance_schema.clone_progress", 1146, "42S02",
                    "Table 'performance_schema.clone_progress' doesn't exist");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void withCloneBlockDdlTheCloneWaitsForDdlAndDdlWaitsForTheClone() throws Exception {
        try (DoppelProcess donor = DoppelProcess.start(Files.createDirectories(home.resolve("donor")));
                Connection root = connect(donor); Connection holder = connect(donor);
                Connection ddl = connect(donor)) {
            execute(root, "INSTALL PLUGIN clone SONAME 'mysql_clone.so'", "CREATE DATABASE d",
                    "CREATE TABLE d.t (id INT PRIMARY KEY)", "SET GLOBAL clone_block_ddl = ON",
                    "SET GLOBAL clone_ddl_timeout = 1");
            // an open transaction on d.t makes an ALTER of it wait inside the engine, holding off the clone
            holder.setAutoCommit(false);
            execute(holder, "INSERT INTO d.t VALUES (1)");
            CompletableFuture<Void> alter = CompletableFuture.runAsync(() -> {
                try {
                    execute(ddl, "ALTER TABLE d.t ADD COLUMN c INT");
                } catch (SQLException ignored) {
                    // times out in the engine; what matters is that it ran while the clone waited
                }
            });
            Thread.sleep(300);
            long started = System.nanoTime();
            // Connector/J reports 1205 with SQLSTATE 40001 whatever the server sends
            assertError(root, "CLONE LOCAL DATA DIRECTORY '" + home.resolve("blocked") + "'", 1205, "40001",
                    "Lock wait timeout exceeded; try restarting transaction");
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(900L, 5000L);
            assertThat(rows(root, "SELECT STATE, ERROR_NO FROM performance_schema.clone_status"))
                    .containsExactly(List.of("Failed", "1205"));
            assertThat(rows(root, "SELECT STAGE, STATE FROM performance_schema.clone_progress")).containsExactly(
                    List.of("DROP DATA", "Failed"), List.of("FILE COPY", "Not Started"),
                    List.of("PAGE COPY", "Not Started"), List.of("REDO COPY", "Not Started"),
                    List.of("FILE SYNC", "Not Started"), List.of("RESTART", "Not Started"),
                    List.of("RECOVERY", "Not Started"));
            holder.commit();
            alter.join();

            pad(root, "padded", 4);
            execute(root, "SET GLOBAL clone_max_data_bandwidth = 1");
            Connection cloner = connect(donor);
            CompletableFuture<Void> clone = CompletableFuture.runAsync(() -> {
                try {
                    cloneTo(cloner, home.resolve("locked"));
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            });
            awaitCopying(root);
            execute(ddl, "SET SESSION lock_wait_timeout = 1");
            assertError(ddl, "CREATE TABLE d.during (id INT)", 1205, "40001",
                    "Lock wait timeout exceeded; try restarting transaction");
            execute(ddl, "INSERT INTO d.t (id) VALUES (2)");
            clone.join();
            cloner.close();
            execute(ddl, "CREATE TABLE d.after_clone (id INT)");
            assertThat(rows(root, "SELECT STATE FROM performance_schema.clone_status"))
                    .containsExactly(List.of("Completed"));
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void lockInstanceForBackupHoldsTheSameLockAgainstOtherSessionsDdl() throws Exception {
        try (DoppelProcess donor = DoppelProcess.start(Files.createDirectories(home.resolve("donor")));
                Connection root = connect(donor); Connection holder = connect(donor); Connection other = connect(donor)) {
            execute(root, "INSTALL PLUGIN clone SONAME 'mysql_clone.so'", "CREATE DATABASE d",
                    "CREATE USER 'plain'@'%' IDENTIFIED BY 'pw'", "GRANT ALL ON d.* TO 'plain'@'%'",
                    "SET GLOBAL clone_block_ddl = ON");
            try (Connection plain = connect(donor, "plain", "pw")) {
                assertError(plain, "LOCK INSTANCE FOR BACKUP", 1227, "42000",
                        "Access denied; you need (at least one of) the BACKUP_ADMIN privilege(s) for this operation");
            }
            execute(holder, "LOCK INSTANCE FOR BACKUP");
            execute(other, "SET SESSION lock_wait_timeout = 1");
            assertError(other, "CREATE TABLE d.t (id INT)", 1205, "40001",
                    "Lock wait timeout exceeded; try restarting transaction");
            // the holder's own DDL runs, other sessions' DML too, and a clone shares the lock
            execute(holder, "CREATE TABLE d.mine (id INT)");
            execute(other, "INSERT INTO d.mine VALUES (1)");
            cloneTo(root, home.resolve("while-locked"));
            execute(holder, "UNLOCK INSTANCE");
            execute(other, "CREATE TABLE d.t (id INT)");
            execute(holder, "LOCK INSTANCE FOR BACKUP");
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aFullDiskFailsTheCloneWith1026NamingTheFile() throws Exception {
        Path small = Files.createDirectories(home.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "mounting a 1 MB tmpfs needs root; skipped");
        try (DoppelProcess donor = DoppelProcess.start(Files.createDirectories(home.resolve("donor")));
                Connection root = connect(donor)) {
            execute(root, "INSTALL PLUGIN clone SONAME 'mysql_clone.so'");
            pad(root, "padded", 3);
            Path target = small.resolve("copy");
            assertError(root, "CLONE LOCAL DATA DIRECTORY '" + target + "'", 1026, "HY000",
                    "Error writing file '" + target.resolve("doppel.mv.db")
                            + "' (errno: 28 - No space left on device)");
            assertThat(rows(root, "SELECT STATE, ERROR_NO FROM performance_schema.clone_status"))
                    .containsExactly(List.of("Failed", "1026"));
            assertThat(rows(root, "SELECT STATE FROM performance_schema.clone_progress WHERE STAGE = 'FILE COPY'"))
                    .containsExactly(List.of("Failed"));
            assertThat(value(root, "SELECT COUNT(*) FROM padded.pad")).isEqualTo("3000");
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }

    static void assertError(Connection connection, String sql, int number, String sqlState, String message) {
        assertThatThrownBy(() -> execute(connection, sql)).as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).as(sql).isEqualTo(number);
                    assertThat(e.getSQLState()).as(sql).isEqualTo(sqlState);
                    assertThat(e.getMessage()).as(sql).isEqualTo(message);
                });
    }
}
