package dev.doppel.server.it.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static dev.doppel.server.it.plugins.PluginFixtures.activePlugins;
import static dev.doppel.server.it.plugins.PluginFixtures.assertError;
import static dev.doppel.server.it.plugins.PluginFixtures.connect;
import static dev.doppel.server.it.plugins.PluginFixtures.failedLaunch;
import static dev.doppel.server.it.plugins.PluginFixtures.fresh;
import static dev.doppel.server.it.plugins.PluginFixtures.makeFormat1;
import static dev.doppel.server.it.plugins.PluginFixtures.pluginDir;
import static dev.doppel.server.it.plugins.PluginFixtures.rows;

import dev.doppel.server.it.DoppelProcess;
import dev.doppel.server.it.MysqlCli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins as the server starts (issue 4): --plugin-load(-add) on the command line and in option files, the
 * activation states and their OFF forms, an init failure at startup, plugin variables from options,
 * --skip-grant-tables, --initialize and the data-directory upgrade, each against its own server process.
 */
class PluginStartupIT {
    @TempDir
    static Path shared;

    @TempDir
    Path home;

    @BeforeAll
    static void buildPlugins() throws Exception {
        PluginFixtures.build(shared);
    }

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
}
