package dev.doppel.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.doppel.server.it.plugins.BusyLibrary;
import dev.doppel.server.it.plugins.SlowTableLibrary;
import dev.doppel.server.it.plugins.FailingLibrary;
import dev.doppel.server.it.plugins.FutureApiLibrary;
import dev.doppel.server.it.plugins.GoodLibrary;
import dev.doppel.server.it.plugins.HangingLibrary;
import dev.doppel.server.it.plugins.NoInstallLibrary;
import dev.doppel.server.it.plugins.TwinLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin host against a real server process (issue 4): INSTALL/UNINSTALL PLUGIN with MySQL's checks, errors
 * and order, mysql.plugin, --plugin-load(-add), activation states, INFORMATION_SCHEMA.PLUGINS and SHOW PLUGINS,
 * plugin variables and tables, --skip-grant-tables, --initialize, the data-directory upgrade and kill -9. The test
 * plugin libraries are built from {@code dev.doppel.server.it.plugins} into a temporary plugin_dir.
 */
class PluginsIT {
    private static final String JDBC_OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";
    private static final String INIT_TIMEOUT = "-Ddoppel.plugin.init-timeout=2";

    @TempDir
    static Path shared;
    /** The plugin_dir with every test library. */
    static Path pluginDir;
    /** An initialized data directory that tests copy instead of running --initialize again. */
    static Path template;
    /** The server most error cases share: the test plugin_dir, init bounded to 2 s, the twins loaded at startup. */
    static DoppelProcess server;

    @TempDir
    Path home;

    @BeforeAll
    static void buildPluginsAndStartServer() throws Exception {
        pluginDir = Files.createDirectories(shared.resolve("plugins"));
        PluginJars.write(pluginDir, "doppel_good.jar", GoodLibrary.class);
        PluginJars.write(pluginDir, "doppel_failing.jar", FailingLibrary.class);
        PluginJars.write(pluginDir, "doppel_hanging.jar", HangingLibrary.class);
        PluginJars.write(pluginDir, "doppel_twins.jar", TwinLibrary.class);
        PluginJars.write(pluginDir, "doppel_noinstall.jar", NoInstallLibrary.class);
        PluginJars.write(pluginDir, "doppel_future.jar", FutureApiLibrary.class);
        PluginJars.write(pluginDir, "doppel_busy.jar", BusyLibrary.class);
        PluginJars.write(pluginDir, "doppel_slow.jar", SlowTableLibrary.class);
        PluginJars.write(pluginDir, "doppel_noservices.jar", GoodLibrary.class, false);
        PluginJars.writeNotAJar(pluginDir, "x.jar");

        Path templateHome = Files.createDirectories(shared.resolve("template"));
        template = templateHome.resolve("data");
        DoppelProcess.Result init = DoppelProcess.run(templateHome, "--no-defaults", "--initialize-insecure",
                "--datadir=" + template, "--log-error=" + templateHome.resolve("init.log"));
        assertThat(init.exitCode()).as(Files.readString(templateHome.resolve("init.log"))).isZero();

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

    // ---------------------------------------------------------------------------------------------------------
    // --plugin-load, --plugin-load-add

    @Test
    void pluginLoadListsOnTheCommandLineAndInOptionFiles() throws Exception {
        DoppelProcess own = fresh(home);
        own.launch("--plugin-dir=" + pluginDir, "--plugin-load-add=doppel_twins.so;doppel_good=doppel_good.so");
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(activePlugins(statement)).containsExactly("doppel_good", "doppel_twin_a", "doppel_twin_b");
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
            assertThat(rows(statement, "SELECT PLUGIN_LIBRARY, LOAD_OPTION FROM INFORMATION_SCHEMA.PLUGINS WHERE"
                    + " PLUGIN_NAME = 'doppel_twin_b'")).containsExactly(List.of("doppel_twins.so", "ON"));
            // no row, yet UNINSTALL works
            statement.execute("UNINSTALL PLUGIN doppel_good");
            assertThat(activePlugins(statement)).containsExactly("doppel_twin_a", "doppel_twin_b");
            assertError(statement, "UNINSTALL PLUGIN doppel_good", 1305, "42000", "PLUGIN doppel_good does not exist");
        }
        own.stop();

        // --plugin-load discards the --plugin-load-add values before it
        own.launch("--plugin-dir=" + pluginDir, "--plugin-load-add=doppel_good.so", "--plugin-load=doppel_twins.so",
                "--plugin-load-add=doppel_busy.so");
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(activePlugins(statement)).containsExactly("doppel_busy", "doppel_twin_a", "doppel_twin_b");
        }
        own.stop();

        // the first failing element abandons the rest of its value; the other values and startup go on
        String before = own.log();
        own.launch("--plugin-dir=" + pluginDir, "--plugin-load-add=doppel_good.so;nope.so;doppel_twins.so",
                "--plugin-load-add=doppel_busy.so");
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(activePlugins(statement)).containsExactly("doppel_busy", "doppel_good");
        }
        String log = own.log().substring(before.length());
        assertThat(log).contains("Can't open shared library '" + pluginDir.resolve("nope.so") + "' (errno: 2 cannot"
                + " open shared object file: No such file or directory)\n", "[ERROR] [MY-010736] [Server] Couldn't load"
                + " plugin named 'nope.so' with soname 'nope.so'.\n").doesNotContain("doppel_twins");
        own.stop();

        // a named element that fails: its name is logged
        before = own.log();
        own.launch("--plugin-dir=" + pluginDir, "--plugin-load-add=doppel_nobody=doppel_good.so;doppel_busy.so");
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(activePlugins(statement)).isEmpty();
        }
        assertThat(own.log().substring(before.length())).contains("[ERROR] [MY-010736] [Server] Couldn't load plugin"
                + " named 'doppel_nobody' with soname 'doppel_good.so'.\n");
        own.stop();

        // in an option file, with the ':' separator and plugin-load after plugin-load-add on the command line
        Path cnf = Files.writeString(home.resolve("my.cnf"), "[mysqld]\nplugin-dir=" + pluginDir
                + "\nplugin_load_add=doppel_busy.so\nplugin-load-add = doppel_twin_b=doppel_twins.so:doppel_good.so\n");
        own.defaultsFile(cnf);
        own.launch();
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(activePlugins(statement)).containsExactly("doppel_busy", "doppel_good", "doppel_twin_b");
        }
        own.stop();
        own.launch("--plugin-load=doppel_noinstall.so");
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            // NO_INSTALL plugins load from --plugin-load
            assertThat(activePlugins(statement)).containsExactly("doppel_noinstall");
        }
        own.stop();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Activation states

    @Test
    void offFormsDisableThePlugin() throws Exception {
        DoppelProcess own = fresh(home);
        List<List<String>> forms = List.of(List.of("--doppel-good=OFF"), List.of("--skip-doppel-good"),
                List.of("--disable-doppel_good"), List.of("--DOPPEL_GOOD=0"), List.of("--loose-Doppel-Good=off"),
                List.of("--plugin-doppel-good=OFF"), List.of("--loose-skip-doppel_good"));
        for (List<String> form : forms) {
            List<String> options = new ArrayList<>(List.of("--plugin-dir=" + pluginDir,
                    "--plugin-load-add=doppel_good.so", "--log-error-verbosity=3"));
            options.addAll(form);
            String before = own.log();
            own.launch(options.toArray(String[]::new));
            try (Connection root = connect(own); Statement statement = root.createStatement()) {
                assertThat(rows(statement, "SELECT PLUGIN_STATUS, LOAD_OPTION FROM INFORMATION_SCHEMA.PLUGINS WHERE"
                        + " PLUGIN_NAME = 'doppel_good'")).as(form.toString()).containsExactly(List.of("DISABLED", "OFF"));
                assertError(statement, "SELECT @@doppel_good_level", 1193, "HY000",
                        "Unknown system variable 'doppel_good_level'");
                assertThat(rows(statement, "SHOW VARIABLES LIKE 'doppel_good%'")).isEmpty();
                assertThat(rows(statement, "SHOW PLUGINS").stream().filter(row -> row.get(0).equals("doppel_good")))
                        .containsExactly(List.of("doppel_good", "DISABLED", "DAEMON", "doppel_good.so", "GPL"));
            }
            assertThat(own.log().substring(before.length()))
                    .contains("[Note] [MY-010747] [Server] Plugin 'doppel_good' is disabled.\n");
            own.stop();
        }

        // in an option file, with loose- and mixed case; ON on the command line wins as the later option
        Path cnf = Files.writeString(home.resolve("my.cnf"), "[mysqld]\nplugin-dir=" + pluginDir
                + "\nplugin-load-add=doppel_good.so;doppel_twins.so\nloose-DOPPEL_twin_a = OFF\nskip-doppel-good\n");
        own.defaultsFile(cnf);
        own.launch("--enable-doppel-good");
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(rows(statement, "SELECT PLUGIN_NAME, PLUGIN_STATUS, LOAD_OPTION FROM INFORMATION_SCHEMA.PLUGINS"
                    + " WHERE PLUGIN_NAME LIKE 'doppel%' ORDER BY PLUGIN_NAME")).containsExactly(
                    List.of("doppel_good", "ACTIVE", "ON"), List.of("doppel_twin_a", "DISABLED", "OFF"),
                    List.of("doppel_twin_b", "ACTIVE", "ON"));
            // a DISABLED plugin loaded by --plugin-load can be uninstalled
            statement.execute("UNINSTALL PLUGIN doppel_twin_a");
            assertError(statement, "UNINSTALL PLUGIN doppel_twin_a", 1305, "42000", "PLUGIN doppel_twin_a does not exist");
        }
        own.stop();
    }

    @Test
    void installOfADisabledPluginRegistersItWithWarning1123() throws Exception {
        DoppelProcess own = fresh(home);
        own.launch("--plugin-dir=" + pluginDir, "--loose-doppel-busy=OFF", "--mysql-native-password=ON");
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            statement.execute("INSTALL PLUGIN doppel_busy SONAME 'doppel_busy.so'");
            SQLWarning warning = statement.getWarnings();
            assertThat((Object) warning).isNotNull();
            assertThat(warning.getErrorCode()).isEqualTo(1123);
            assertThat(warning.getMessage()).isEqualTo("Can't initialize function 'doppel_busy'; Plugin is disabled");
            assertThat((Object) warning.getNextWarning()).isNull();
            assertThat(rows(statement, "SHOW WARNINGS")).containsExactly(
                    List.of("Warning", "1123", "Can't initialize function 'doppel_busy'; Plugin is disabled"));
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).containsExactly(List.of("doppel_busy", "doppel_busy.so"));
            assertThat(rows(statement, "SELECT PLUGIN_STATUS, LOAD_OPTION FROM INFORMATION_SCHEMA.PLUGINS WHERE"
                    + " PLUGIN_NAME = 'doppel_busy'")).containsExactly(List.of("DISABLED", "OFF"));
            assertError(statement, "SELECT @@doppel_busy_in_use", 1193, "HY000",
                    "Unknown system variable 'doppel_busy_in_use'");
            // --mysql-native-password=ON enables the built-in that 8.4 ships disabled
            assertThat(rows(statement, "SELECT PLUGIN_STATUS, LOAD_OPTION FROM INFORMATION_SCHEMA.PLUGINS WHERE"
                    + " PLUGIN_NAME = 'mysql_native_password'")).containsExactly(List.of("ACTIVE", "ON"));
            // a disabled plugin can be uninstalled; that removes its row
            statement.execute("UNINSTALL PLUGIN doppel_busy");
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
            assertError(statement, "UNINSTALL PLUGIN doppel_busy", 1305, "42000", "PLUGIN doppel_busy does not exist");
        }
        own.stop();
    }

    @Test
    void initFailureAtStartupDependsOnTheLoadOption() throws Exception {
        DoppelProcess own = fresh(home);
        // ON: the plugin is dropped and the server runs
        own.launch("--plugin-dir=" + pluginDir, "--plugin-load-add=doppel_failing.so");
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(activePlugins(statement)).containsExactly("doppel_sibling");
            assertThat(rows(statement, "SELECT * FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'doppel_failing'"))
                    .isEmpty();
        }
        assertThat(own.log()).contains("[ERROR] [MY-010202] [Server] Plugin 'doppel_failing' init function returned"
                + " error.");
        own.stop();

        // FORCE on the command line: startup fails
        String before = own.log();
        int exit = failedLaunch(own, "--plugin-dir=" + pluginDir, "--plugin-load-add=doppel_failing.so",
                "--doppel-failing=FORCE");
        assertThat(exit).isNotZero();
        String log = own.log().substring(before.length());
        assertThat(log).contains("Plugin 'doppel_failing' init function returned error.",
                "[ERROR] [MY-010169] [Server] Failed to initialize dynamic plugins.",
                "[ERROR] [MY-010119] [Server] Aborting");

        // FORCE_PLUS_PERMANENT in an option file: startup fails
        Path cnf = Files.writeString(home.resolve("my.cnf"), "[mysqld]\nplugin_dir=" + pluginDir
                + "\nplugin-load-add=doppel_failing.so\ndoppel_failing=force_plus_permanent\n");
        own.defaultsFile(cnf);
        before = own.log();
        exit = failedLaunch(own);
        assertThat(exit).isNotZero();
        assertThat(own.log().substring(before.length())).contains(
                "Plugin 'doppel_failing' init function returned error.",
                "[ERROR] [MY-010169] [Server] Failed to initialize dynamic plugins.",
                "[ERROR] [MY-010119] [Server] Aborting");
    }

    @Test
    void pluginVariablesFromOptions() throws Exception {
        DoppelProcess own = fresh(home);
        // without loose- and without the plugin: unknown variable / unknown option, startup fails
        String before = own.log();
        assertThat(failedLaunch(own, "--clone_max_concurrency=8")).isNotZero();
        assertThat(own.log().substring(before.length())).contains(
                "[ERROR] [MY-000067] [Server] unknown variable 'clone_max_concurrency=8'.",
                "[ERROR] [MY-010119] [Server] Aborting");
        before = own.log();
        assertThat(failedLaunch(own, "--doppel-good", "--plugin-dir=" + pluginDir)).isNotZero();
        assertThat(own.log().substring(before.length())).contains(
                "[ERROR] [MY-000068] [Server] unknown option '--doppel-good'.");

        // with the plugin loaded the same option applies, - and _ alike
        own.launch("--plugin-load-add=mysql_clone.so", "--clone-max-concurrency=9", "--clone_block_ddl=ON");
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(rows(statement, "SELECT @@clone_max_concurrency, @@clone_block_ddl"))
                    .containsExactly(List.of("9", "1"));
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
            statement.execute("UNINSTALL PLUGIN clone");
            assertError(statement, "SELECT @@clone_max_concurrency", 1193, "HY000",
                    "Unknown system variable 'clone_max_concurrency'");
        }
        own.stop();
    }

    // ---------------------------------------------------------------------------------------------------------
    // --skip-grant-tables, --initialize, upgrade

    @Test
    void skipGrantTablesDoesNotReadMysqlPlugin() throws Exception {
        DoppelProcess own = fresh(home);
        own.launch("--plugin-dir=" + pluginDir);
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            statement.execute("INSTALL PLUGIN doppel_good SONAME 'doppel_good.so'");
        }
        own.stop();
        String before = own.log();
        own.launch("--plugin-dir=" + pluginDir, "--skip-grant-tables");
        try {
            assertThat(own.log().substring(before.length())).contains("port: 0");
            MysqlCli.Result result = MysqlCli.run(null, "-S", own.socket().toString(), "-uroot", "-N", "-B", "-e",
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'doppel_good';"
                            + " SELECT * FROM mysql.plugin");
            assertThat(result.stderr()).isEmpty();
            assertThat(result.stdout()).isEqualTo("0\ndoppel_good\tdoppel_good.so\n");
        } finally {
            own.stop();
        }
        own.launch("--plugin-dir=" + pluginDir);
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(activePlugins(statement)).containsExactly("doppel_good");
        }
        own.stop();
    }

    @Test
    void initializeIgnoresPluginLoadWithAWarning() throws Exception {
        Path datadir = home.resolve("data");
        Path log = home.resolve("init.log");
        DoppelProcess.Result init = DoppelProcess.run(home, "--no-defaults", "--initialize-insecure",
                "--datadir=" + datadir, "--log-error=" + log, "--plugin-dir=" + pluginDir,
                "--plugin-load-add=doppel_failing.so", "--plugin-load=nope.so");
        String text = Files.readString(log);
        assertThat(init.exitCode()).as(text).isZero();
        assertThat(text).containsOnlyOnce("Ignoring --plugin-load[_add] list as the server is running with"
                + " --initialize(-insecure).").contains("[Warning]").doesNotContain("doppel_failing", "nope.so");
        DoppelProcess own = DoppelProcess.prepare(home);
        own.launch("--plugin-dir=" + pluginDir);
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(rows(statement, "SELECT * FROM mysql.plugin")).isEmpty();
            assertThat(activePlugins(statement)).isEmpty();
        }
        own.stop();
    }

    @Test
    void upgradeOfAnOlderDataDirectoryKeepsCloneOutUntilTheNextStart() throws Exception {
        DoppelProcess own = fresh(home);
        makeFormat1(own.datadir());
        String before = own.log();
        own.launch("--plugin-load-add=mysql_clone.so", "--clone=ON");
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(rows(statement, "SELECT * FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME = 'clone'")).isEmpty();
            assertThat(rows(statement, "SELECT COUNT(*) FROM mysql.plugin")).containsExactly(List.of("0"));
        }
        String upgradeLog = own.log().substring(before.length());
        assertThat(upgradeLog).contains("Error installing plugin 'clone': Cannot install during upgrade\n",
                "[ERROR] [MY-010202] [Server] Plugin 'clone' init function returned error.\n");
        own.stop();
        assertThat(Files.readString(own.datadir().resolve("doppel_format"))).startsWith("format=3\n");

        own.launch("--plugin-load-add=mysql_clone.so", "--clone=ON");
        try (Connection root = connect(own); Statement statement = root.createStatement()) {
            assertThat(rows(statement, "SELECT PLUGIN_STATUS FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_NAME ="
                    + " 'clone'")).containsExactly(List.of("ACTIVE"));
        }
        own.stop();

        // FORCE on an older-format directory: startup fails
        Path other = Files.createDirectories(home.resolve("forced"));
        DoppelProcess forced = fresh(other);
        makeFormat1(forced.datadir());
        assertThat(failedLaunch(forced, "--plugin-load-add=mysql_clone.so", "--clone=FORCE")).isNotZero();
        assertThat(forced.log()).contains("Error installing plugin 'clone': Cannot install during upgrade",
                "[ERROR] [MY-010169] [Server] Failed to initialize dynamic plugins.",
                "[ERROR] [MY-010119] [Server] Aborting");
        // spec §1.8: the line comes from the server's Clone_handler::init, so its subsystem is Server
        assertThat(upgradeLog).contains("[ERROR] [MY-013238] [Server] Error installing plugin 'clone': Cannot install"
                + " during upgrade\n");
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    /** A server (not started) on a copy of the template data directory under {@code dir}. */
    private static DoppelProcess fresh(Path dir) throws IOException {
        FileTrees.copy(template, dir.resolve("data"));
        return DoppelProcess.prepare(dir);
    }

    /** Turns a stopped server's data directory into format 1: no mysql.plugin, doppel_format says format=1. */
    private static void makeFormat1(Path datadir) throws Exception {
        Properties credentials = new Properties();
        credentials.setProperty("user", "doppel");
        credentials.setProperty("password", "");
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:file:" + datadir.resolve("doppel")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;IFEXISTS=TRUE", credentials);
             Statement statement = h2.createStatement()) {
            statement.execute("DROP TABLE mysql.plugin");
            statement.execute("DROP TABLE IF EXISTS mysql.db");
            statement.execute("DROP TABLE IF EXISTS mysql.tables_priv");
            statement.execute("SHUTDOWN");
        }
        Path format = datadir.resolve("doppel_format");
        Files.writeString(format, Files.readString(format).replaceFirst("format=\\d+", "format=1"));
    }

    /** Starts a server that is expected to fail; returns its exit code. */
    private static int failedLaunch(DoppelProcess process, String... options) throws Exception {
        IllegalStateException failure = catchThrowableOfType(IllegalStateException.class, () -> process.launch(options));
        assertThat(failure).as("the server started").isNotNull();
        assertThat(process.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.process().exitValue();
    }

    private static void kill9(DoppelProcess process) throws InterruptedException {
        process.process().destroyForcibly();
        assertThat(process.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static Connection connect(DoppelProcess process) throws SQLException {
        return connect(process, "root", "");
    }

    private static Connection connect(DoppelProcess process, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(process.url("mysql", JDBC_OPTIONS), properties);
    }

    /** The names of the ACTIVE plugins that came from a library, sorted. */
    private static List<String> activePlugins(Statement statement) throws SQLException {
        return rows(statement, "SELECT PLUGIN_NAME FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_LIBRARY IS NOT NULL"
                + " AND PLUGIN_STATUS = 'ACTIVE' ORDER BY PLUGIN_NAME").stream().map(row -> row.get(0)).toList();
    }

    /** Every row as strings, NULL as "NULL". */
    private static List<List<String>> rows(Statement statement, String sql) throws SQLException {
        List<List<String>> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    String value = rows.getString(i);
                    row.add(value == null ? "NULL" : value);
                }
                result.add(row);
            }
        }
        return result;
    }

    private static void assertError(Statement statement, String sql, int number, String sqlState, String message) {
        SQLException error = catchThrowableOfType(SQLException.class, () -> statement.execute(sql));
        assertThat((Object) error).as(sql).isNotNull();
        assertSqlError(error, number, sqlState, message);
    }

    private static void assertSqlError(SQLException error, int number, String sqlState, String message) {
        assertThat((Object) error).isNotNull();
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.getErrorCode()).as(message).isEqualTo(number);
        assertThat(error.getSQLState()).as(message).isEqualTo(sqlState);
    }
}
