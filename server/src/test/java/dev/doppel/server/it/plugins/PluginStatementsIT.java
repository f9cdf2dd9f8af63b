package dev.doppel.server.it.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static dev.doppel.server.it.plugins.PluginFixtures.INIT_TIMEOUT;
import static dev.doppel.server.it.plugins.PluginFixtures.assertError;
import static dev.doppel.server.it.plugins.PluginFixtures.assertSqlError;
import static dev.doppel.server.it.plugins.PluginFixtures.connect;
import static dev.doppel.server.it.plugins.PluginFixtures.fresh;
import static dev.doppel.server.it.plugins.PluginFixtures.kill9;
import static dev.doppel.server.it.plugins.PluginFixtures.pluginDir;
import static dev.doppel.server.it.plugins.PluginFixtures.rows;

import dev.doppel.server.it.DoppelProcess;
import dev.doppel.server.it.MysqlCli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * INSTALL and UNINSTALL PLUGIN against a real server process (issue 4): MySQL's checks, errors and their order,
 * mysql.plugin, INFORMATION_SCHEMA.PLUGINS and SHOW PLUGINS, plugin tables, a restart and kill -9. The test plugin
 * libraries are built from this package into a temporary plugin_dir ({@link PluginFixtures}).
 */
class PluginStatementsIT {
    @TempDir
    static Path shared;
    /** The server most error cases share: the test plugin_dir, init bounded to 2 s, the twins loaded at startup. */
    static DoppelProcess server;

    @TempDir
    Path home;

    @BeforeAll
    static void buildPluginsAndStartServer() throws Exception {
        PluginFixtures.build(shared);
        server = fresh(Files.createDirectories(shared.resolve("main")))
                .environment("DOPPEL_JAVA_OPTS", INIT_TIMEOUT);
        server.launch("--plugin-dir=" + pluginDir, "--plugin-load-add=doppel_twins.so",
                "--doppel-twin-a=FORCE_PLUS_PERMANENT");
        try (Connection root = connect(server); Statement statement = root.createStatement()) {
            statement.execute("CREATE USER 'plain'@'%' IDENTIFIED BY 'plain-pw'");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    /** Leaves the shared server with no installed plugin, whatever a test did. */
    @AfterEach
    void uninstallLeftovers() throws Exception {
        try (Connection root = connect(server); Statement statement = root.createStatement()) {
            for (List<String> row : rows(statement, "SELECT name FROM mysql.plugin")) {
                try {
                    statement.execute("SET GLOBAL doppel_busy_in_use = OFF");
                } catch (SQLException ignored) {
                    // not installed
                }
                statement.execute("UNINSTALL PLUGIN " + row.get(0));
            }
        }
    }

    /**
     * UNINSTALL while a statement reads the plugin's table: warning 1620, the plugin stays listed as DELETED
     * (and cannot be uninstalled again: 1305), and it is gone once the statement is done.
     */
    @Test
    void uninstallOfAPluginInUseWarns1620AndFinishesLater() throws Exception {
        try (Connection root = connect(server); Statement statement = root.createStatement()) {
            statement.execute("INSTALL PLUGIN doppel_slow SONAME 'doppel_slow.so'");
            java.util.concurrent.CompletableFuture<Long> reading = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (Connection reader = connect(server); Statement read = reader.createStatement();
                     java.sql.ResultSet rows = read.executeQuery("SELECT N FROM information_schema.DOPPEL_SLOW")) {
                    rows.next();
                    return rows.getLong(1);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(700);
            statement.execute("UNINSTALL PLUGIN doppel_slow");
            java.sql.SQLWarning warning = statement.getWarnings();
            assertThat((Object) warning).isNotNull();
            assertThat(warning.getErrorCode()).isEqualTo(1620);
            assertThat(warning.getMessage()).isEqualTo("Plugin is busy and will be uninstalled on shutdown");
            assertThat(rows(statement, "SELECT PLUGIN_STATUS FROM information_schema.PLUGINS"
                    + " WHERE PLUGIN_NAME = 'doppel_slow'")).containsExactly(List.of("DELETED"));
            assertThatThrownBy(() -> statement.execute("UNINSTALL PLUGIN doppel_slow"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1305));
            assertThat(reading.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(42L);
            assertThat(rows(statement, "SELECT PLUGIN_STATUS FROM information_schema.PLUGINS"
                    + " WHERE PLUGIN_NAME = 'doppel_slow'")).isEmpty();
            assertThat(rows(statement, "SELECT name FROM mysql.plugin WHERE name = 'doppel_slow'")).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The issue's lines, the clone row, INFORMATION_SCHEMA.PLUGINS and SHOW PLUGINS

    @Test
    void issueLinesThroughTheMysqlCli() throws Exception {
        Path cnf = Files.writeString(home.resolve("my.cnf"), "[mysqld]\nloose-clone_max_concurrency=8\n");
        DoppelProcess clone = fresh(home).defaultsFile(cnf);
        clone.launch();
        try {
            assertThat(clone.log()).contains("[Warning] [MY-000067] [Server] unknown variable"
                    + " 'loose-clone_max_concurrency=8'.");
            MysqlCli.Result result = MysqlCli.run("""
                    INSTALL PLUGIN clone SONAME 'mysql_clone.so';
                    SELECT PLUGIN_NAME, PLUGIN_STATUS FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'clone';
                    SHOW PLUGINS;
                    """, "-S", clone.socket().toString(), "-uroot");
            assertThat(result.stderr()).isEmpty();
            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout()).startsWith("PLUGIN_NAME\tPLUGIN_STATUS\nclone\tACTIVE\nName\tStatus\tType\tLibrary\tLicense\n")
                    .contains("\ncaching_sha2_password\tACTIVE\tAUTHENTICATION\tNULL\tGPL\n")
                    .contains("\nmysql_native_password\tDISABLED\tAUTHENTICATION\tNULL\tGPL\n")
                    .endsWith("\nclone\tACTIVE\tCLONE\tmysql_clone.so\tGPL\n");

            try (Connection root = connect(clone); Statement statement = root.createStatement()) {
                // the option file's loose- value applies once the plugin is installed
                assertThat(rows(statement, "SELECT @@clone_max_concurrency, @@global.clone_buffer_size"))
                        .containsExactly(List.of("8", "4194304"));
                assertThat(rows(statement, "SELECT * FROM mysql.plugin")).containsExactly(List.of("clone", "mysql_clone.so"));

                try (ResultSet all = statement.executeQuery("SELECT * FROM INFORMATION_SCHEMA.PLUGINS")) {
                    ResultSetMetaData meta = all.getMetaData();
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        names.add(meta.getColumnLabel(i));
                    }
                    assertThat(names).containsExactly("PLUGIN_NAME", "PLUGIN_VERSION", "PLUGIN_STATUS", "PLUGIN_TYPE",
                            "PLUGIN_TYPE_VERSION", "PLUGIN_LIBRARY", "PLUGIN_LIBRARY_VERSION", "PLUGIN_AUTHOR",
                            "PLUGIN_DESCRIPTION", "PLUGIN_LICENSE", "LOAD_OPTION");
                }
                List<List<String>> cloneRow = rows(statement,
                        "SELECT * FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'clone'");
                assertThat(cloneRow).hasSize(1);
                // spec §3.4; only the author differs from MySQL's "Oracle Corporation"
                assertThat(cloneRow.get(0)).containsExactly("clone", "1.0", "ACTIVE", "CLONE", "1.0", "mysql_clone.so",
                        "1.11", "Doppel", "CLONE PLUGIN", "GPL", "ON");

                assertThat(rows(statement, "SELECT PLUGIN_NAME, PLUGIN_LIBRARY, LOAD_OPTION FROM"
                        + " INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME LIKE 'caching%' OR PLUGIN_NAME LIKE 'cl_ne'"))
                        .containsExactly(List.of("caching_sha2_password", "NULL", "FORCE"),
                                List.of("clone", "mysql_clone.so", "ON"));
                assertThat(rows(statement, "SELECT PLUGIN_NAME, PLUGIN_STATUS, LOAD_OPTION FROM"
                        + " INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_TYPE = 'AUTHENTICATION' ORDER BY PLUGIN_NAME"))
                        .containsExactly(List.of("caching_sha2_password", "ACTIVE", "FORCE"),
                                List.of("mysql_native_password", "DISABLED", "OFF"));
                assertThat(rows(statement, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_LIBRARY IS NULL"
                        + " AND PLUGIN_LICENSE = 'GPL'").get(0).get(0)).isNotEqualTo("0");

                try (ResultSet show = statement.executeQuery("SHOW PLUGINS")) {
                    ResultSetMetaData meta = show.getMetaData();
                    assertThat(meta.getColumnCount()).isEqualTo(5);
                    assertThat(List.of(meta.getColumnLabel(1), meta.getColumnLabel(2), meta.getColumnLabel(3),
                            meta.getColumnLabel(4), meta.getColumnLabel(5)))
                            .containsExactly("Name", "Status", "Type", "Library", "License");
                }
            }
        } finally {
            clone.stop();
        }
    }

    @Test
    void issueOptionFileLinesLoadClonePermanently() throws Exception {
        Path cnf = Files.writeString(home.resolve("my.cnf"), """
                [mysqld]
                plugin-load-add=mysql_clone.so
                clone=FORCE_PLUS_PERMANENT
                """);
        DoppelProcess clone = fresh(home).defaultsFile(cnf);
        clone.launch();
        try (Connection root = connect(clone); Statement statement = root.createStatement()) {
            assertThat(rows(statement, "SELECT PLUGIN_STATUS, PLUGIN_LIBRARY, LOAD_OPTION FROM"
                    + " INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'clone'"))
                    .containsExactly(List.of("ACTIVE", "mysql_clone.so", "FORCE_PLUS_PERMANENT"));
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
            assertError(statement, "UNINSTALL PLUGIN clone", 1702, "HY000",
                    "Plugin 'clone' is force_plus_permanent and can not be unloaded");
            assertError(statement, "INSTALL PLUGIN clone SONAME 'mysql_clone.so'", 1125, "HY000",
                    "Function 'clone' already exists");
        } finally {
            clone.stop();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // INSTALL PLUGIN

    @Test
    void sonameResolvesToTheJarAndMysqlPluginKeepsTheNameAsWritten() throws Exception {
        try (Connection root = connect(server); Statement statement = root.createStatement()) {
            statement.execute("INSTALL PLUGIN Doppel_Good SONAME 'doppel_good.so'");
            assertThat((Object) statement.getWarnings()).isNull();
            statement.execute("INSTALL PLUGIN doppel_sibling SONAME 'doppel_failing.dll'");
            assertThat(rows(statement, "SELECT * FROM mysql.plugin ORDER BY name")).containsExactly(
                    List.of("Doppel_Good", "doppel_good.so"), List.of("doppel_sibling", "doppel_failing.dll"));
            assertThat(rows(statement, "SELECT PLUGIN_NAME, PLUGIN_VERSION, PLUGIN_STATUS, PLUGIN_TYPE,"
                    + " PLUGIN_TYPE_VERSION, PLUGIN_LIBRARY, PLUGIN_LIBRARY_VERSION, PLUGIN_AUTHOR, PLUGIN_DESCRIPTION,"
                    + " PLUGIN_LICENSE, LOAD_OPTION FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'doppel_good'"))
                    .containsExactly(List.of("doppel_good", "1.2", "ACTIVE", "DAEMON", "80406.0", "doppel_good.so",
                            "1.11", "Doppel tests", "A plugin that works", "GPL", "ON"));
            assertThat(rows(statement, "SELECT PLUGIN_LIBRARY, PLUGIN_LICENSE FROM INFORMATION_SCHEMA.PLUGINS"
                    + " WHERE PLUGIN_NAME = 'doppel_sibling'")).containsExactly(List.of("doppel_failing.dll", "PROPRIETARY"));
            statement.execute("UNINSTALL PLUGIN DOPPEL_GOOD");
            statement.execute("UNINSTALL PLUGIN doppel_sibling");
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
        }
    }

    @Test
    void installChecksComeInMySqlsOrder() throws Exception {
        try (Connection plain = connect(server, "plain", "plain-pw"); Statement statement = plain.createStatement()) {
            // the privilege comes before everything: a duplicate name and a path in the soname
            assertError(statement, "INSTALL PLUGIN caching_sha2_password SONAME 'a/b.so'", 1142, "42000",
                    "INSERT command denied to user 'plain'@'localhost' for table 'plugin'");
            assertError(statement, "INSTALL PLUGIN doppel_good SONAME 'doppel_good.so'", 1142, "42000",
                    "INSERT command denied to user 'plain'@'localhost' for table 'plugin'");
            assertError(statement, "UNINSTALL PLUGIN caching_sha2_password", 1142, "42000",
                    "DELETE command denied to user 'plain'@'localhost' for table 'plugin'");
            assertError(statement, "UNINSTALL PLUGIN doppel_nobody", 1142, "42000",
                    "DELETE command denied to user 'plain'@'localhost' for table 'plugin'");
        }
        String longSoname = "a".repeat(62) + ".so";
        try (Connection root = connect(server); Statement statement = root.createStatement()) {
            // a duplicate name before the library is looked at
            assertError(statement, "INSTALL PLUGIN caching_sha2_password SONAME 'a/b.so'", 1125, "HY000",
                    "Function 'caching_sha2_password' already exists");
            assertError(statement, "INSTALL PLUGIN DOPPEL_TWIN_B SONAME 'nope.so'", 1125, "HY000",
                    "Function 'DOPPEL_TWIN_B' already exists");
            assertError(statement, "INSTALL PLUGIN doppel_good SONAME 'a/b.so'", 1124, "HY000",
                    "No paths allowed for shared library");
            assertError(statement, "INSTALL PLUGIN doppel_good SONAME '" + longSoname + "'", 1124, "HY000",
                    "No paths allowed for shared library");
            assertError(statement, "INSTALL PLUGIN doppel_good SONAME '" + longSoname.substring(1) + "'", 1126, "HY000",
                    "Can't open shared library '" + pluginDir.resolve(longSoname.substring(1))
                            + "' (errno: 2 cannot open shared object file: No such file or directory)");
            assertError(statement, "INSTALL PLUGIN doppel_good SONAME 'nope.so'", 1126, "HY000",
                    "Can't open shared library '" + pluginDir.resolve("nope.so")
                            + "' (errno: 2 cannot open shared object file: No such file or directory)");
            assertError(statement, "INSTALL PLUGIN x SONAME 'x.jar'", 1126, "HY000",
                    "Can't open shared library '" + pluginDir.resolve("x.jar") + "' (errno: 0 not a plugin library (no jar))");
            assertError(statement, "INSTALL PLUGIN doppel_good SONAME 'doppel_noservices.so'", 1127, "HY000",
                    "Can't find symbol '_mysql_plugin_interface_version_' in library");
            assertError(statement, "INSTALL PLUGIN doppel_future SONAME 'doppel_future.so'", 1126, "HY000",
                    "Can't open shared library '" + pluginDir.resolve("doppel_future.so")
                            + "' (errno: 0 plugin interface version mismatch)");
            // NO_INSTALL is checked for every plugin of the library before the name is looked up
            assertError(statement, "INSTALL PLUGIN doppel_nobody SONAME 'doppel_noinstall.so'", 1721, "HY000",
                    "Plugin 'doppel_noinstall' is marked as not dynamically installable. You have to stop the server"
                            + " to install it.");
            assertError(statement, "INSTALL PLUGIN doppel_nobody SONAME 'doppel_good.so'", 1127, "HY000",
                    "Can't find symbol 'doppel_nobody' in library");
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
            assertThat(rows(statement, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME IN"
                    + " ('doppel_good', 'doppel_future', 'doppel_noinstall', 'x')")).containsExactly(List.of("0"));
        }
    }

    @Test
    void initFailureIsError1123AndLeavesNothingBehind() throws Exception {
        try (Connection root = connect(server); Statement statement = root.createStatement()) {
            assertError(statement, "INSTALL PLUGIN doppel_failing SONAME 'doppel_failing.so'", 1123, "HY000",
                    "Can't initialize function 'doppel_failing'; Plugin initialization function failed.");
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
            assertThat(rows(statement, "SELECT * FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'doppel_failing'"))
                    .isEmpty();
            assertError(statement, "SELECT @@doppel_failing_level", 1193, "HY000",
                    "Unknown system variable 'doppel_failing_level'");
            assertThat(server.log()).contains("[ERROR] [MY-010202] [Server] Plugin 'doppel_failing' init function"
                    + " returned error.");
            // the library is not left half-loaded: the same jar serves a good plugin, and the failing one again
            statement.execute("INSTALL PLUGIN doppel_sibling SONAME 'doppel_failing.so'");
            assertThat(rows(statement, "SELECT PLUGIN_STATUS FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME ="
                    + " 'doppel_sibling'")).containsExactly(List.of("ACTIVE"));
            assertError(statement, "INSTALL PLUGIN doppel_failing SONAME 'doppel_failing.so'", 1123, "HY000",
                    "Can't initialize function 'doppel_failing'; Plugin initialization function failed.");
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).containsExactly(
                    List.of("doppel_sibling", "doppel_failing.so"));
        }
    }

    @Test
    void hangingInitFailsAfterTheBoundWhileOtherSessionsAreServed() throws Exception {
        try (Connection root = connect(server); Statement statement = root.createStatement();
             Connection other = connect(server); Statement otherStatement = other.createStatement()) {
            long start = System.nanoTime();
            CompletableFuture<SQLException> install = CompletableFuture.supplyAsync(() -> catchThrowableOfType(
                    SQLException.class,
                    () -> statement.execute("INSTALL PLUGIN doppel_hanging SONAME 'doppel_hanging.so'")));
            Thread.sleep(500);
            assertThat(install).isNotDone();
            assertThat(rows(otherStatement, "SELECT 1 + 1")).containsExactly(List.of("2"));
            assertThat(rows(otherStatement, "SELECT PLUGIN_NAME FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME ="
                    + " 'caching_sha2_password'")).hasSize(1);
            SQLException error = install.get(30, TimeUnit.SECONDS);
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertThat(seconds).isBetween(1L, 20L);
            assertSqlError(error, 1123, "HY000",
                    "Can't initialize function 'doppel_hanging'; Plugin initialization function failed.");
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
            assertThat(rows(statement, "SELECT * FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'doppel_hanging'"))
                    .isEmpty();
            assertThat(rows(statement, "SELECT 2 + 2")).containsExactly(List.of("4"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // UNINSTALL PLUGIN

    @Test
    void uninstallChecksComeInMySqlsOrder() throws Exception {
        try (Connection root = connect(server); Statement statement = root.createStatement()) {
            assertError(statement, "UNINSTALL PLUGIN doppel_nobody", 1305, "42000", "PLUGIN doppel_nobody does not exist");
            assertError(statement, "UNINSTALL PLUGIN caching_sha2_password", 1619, "HY000",
                    "Built-in plugins cannot be deleted");
            assertError(statement, "UNINSTALL PLUGIN doppel_twin_a", 1702, "HY000",
                    "Plugin 'doppel_twin_a' is force_plus_permanent and can not be unloaded");

            statement.execute("INSTALL PLUGIN doppel_busy SONAME 'doppel_busy.so'");
            assertError(statement, "UNINSTALL PLUGIN doppel_busy", 1883, "HY000",
                    "Plugin 'doppel_busy' cannot be uninstalled now. Plugin is still in use.");
            assertThat(rows(statement, "SELECT PLUGIN_STATUS FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME ="
                    + " 'doppel_busy'")).containsExactly(List.of("ACTIVE"));
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).containsExactly(List.of("doppel_busy", "doppel_busy.so"));
            statement.execute("SET GLOBAL doppel_busy_in_use = OFF");
            statement.execute("UNINSTALL PLUGIN doppel_busy");
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
            assertError(statement, "UNINSTALL PLUGIN doppel_busy", 1305, "42000", "PLUGIN doppel_busy does not exist");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Lifecycle, variables and tables

    @Test
    void installedPluginSurvivesRestartAndUninstalledOneIsGone() throws Exception {
        SQLException missingTable;
        DoppelProcess own = fresh(home);
        own.launch("--plugin-dir=" + pluginDir);
        try {
            try (Connection root = connect(own); Statement statement = root.createStatement()) {
                assertError(statement, "SELECT @@doppel_good_level", 1193, "HY000",
                        "Unknown system variable 'doppel_good_level'");
                assertThat(rows(statement, "SHOW VARIABLES LIKE 'doppel_good%'")).isEmpty();
                statement.execute("INSTALL PLUGIN doppel_good SONAME 'doppel_good.so'");
                assertThat(rows(statement, "SELECT @@doppel_good_level, @@global.doppel_good_level"))
                        .containsExactly(List.of("3", "3"));
                statement.execute("SET GLOBAL doppel_good_level = 5");
                assertThat(rows(statement, "SHOW VARIABLES LIKE 'doppel_good%'"))
                        .containsExactly(List.of("doppel_good_level", "5"));
                assertThat(rows(statement, "SELECT * FROM information_schema.DOPPEL_GOOD"))
                        .containsExactly(List.of("doppel_good", "5"));
                assertThat(rows(statement, "SELECT NAME FROM INFORMATION_SCHEMA.doppel_good WHERE LEVEL > 4"))
                        .containsExactly(List.of("doppel_good"));
                assertThat(rows(statement, "SHOW STATUS LIKE 'Doppel_good%'"))
                        .containsExactly(List.of("Doppel_good_reads", "2"),
                                List.of("Doppel_good_root_has_backup_admin", "ON"));
            }
            own.stop();
            own.launch("--plugin-dir=" + pluginDir);
            try (Connection root = connect(own); Statement statement = root.createStatement()) {
                assertThat(rows(statement, "SELECT PLUGIN_STATUS, LOAD_OPTION FROM INFORMATION_SCHEMA.PLUGINS WHERE"
                        + " PLUGIN_NAME = 'doppel_good'")).containsExactly(List.of("ACTIVE", "ON"));
                assertThat(rows(statement, "SELECT @@doppel_good_level")).containsExactly(List.of("3"));
                assertThat(rows(statement, "SELECT * FROM information_schema.DOPPEL_GOOD"))
                        .containsExactly(List.of("doppel_good", "3"));
                statement.execute("UNINSTALL PLUGIN doppel_good");
                assertError(statement, "SELECT @@doppel_good_level", 1193, "HY000",
                        "Unknown system variable 'doppel_good_level'");
                assertThat(rows(statement, "SHOW VARIABLES LIKE 'doppel_good%'")).isEmpty();
                assertThat(rows(statement, "SHOW STATUS LIKE 'Doppel_good%'")).isEmpty();
                missingTable = catchThrowableOfType(SQLException.class,
                        () -> statement.execute("SELECT * FROM information_schema.DOPPEL_GOOD"));
            }
            own.stop();
            own.launch("--plugin-dir=" + pluginDir);
            try (Connection root = connect(own); Statement statement = root.createStatement()) {
                assertThat(rows(statement, "SELECT * FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'doppel_good'"))
                        .isEmpty();
                assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
                assertError(statement, "SELECT @@doppel_good_level", 1193, "HY000",
                        "Unknown system variable 'doppel_good_level'");
            }
        } finally {
            own.stop();
        }
        // the plugin's table is gone with it, as an information_schema table that never existed
        assertSqlError(missingTable, 1109, "42S02", "Unknown table 'DOPPEL_GOOD' in information_schema");
    }

    @Test
    void installAndUninstallSurviveKillMinus9() throws Exception {
        DoppelProcess own = fresh(home);
        own.launch("--plugin-dir=" + pluginDir);
        try {
            try (Connection root = connect(own); Statement statement = root.createStatement()) {
                statement.execute("INSTALL PLUGIN doppel_good SONAME 'doppel_good.so'");
            }
            kill9(own);
            own.launch("--plugin-dir=" + pluginDir);
            try (Connection root = connect(own); Statement statement = root.createStatement()) {
                assertThat(rows(statement, "SELECT PLUGIN_STATUS FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME ="
                        + " 'doppel_good'")).containsExactly(List.of("ACTIVE"));
                assertThat(rows(statement, "SELECT * FROM mysql.plugin")).containsExactly(List.of("doppel_good", "doppel_good.so"));
                statement.execute("UNINSTALL PLUGIN doppel_good");
            }
            kill9(own);
            own.launch("--plugin-dir=" + pluginDir);
            try (Connection root = connect(own); Statement statement = root.createStatement()) {
                assertThat(rows(statement, "SELECT * FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'doppel_good'"))
                        .isEmpty();
                assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
            }
        } finally {
            own.stop();
        }
    }
}
