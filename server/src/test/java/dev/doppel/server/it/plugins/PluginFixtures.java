package dev.doppel.server.it.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.doppel.server.it.DoppelProcess;
import dev.doppel.server.it.FileTrees;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What the plugin ITs share: the plugin_dir with every test library of this package, an initialized data directory
 * to copy instead of running --initialize again, and the helpers that start, stop and query servers.
 */
final class PluginFixtures {
    static final String JDBC_OPTIONS = "sslMode=DISABLED&allowPublicKeyRetrieval=true";
    /** Plugin initialization bounded to 2 s, for the libraries that hang. */
    static final String INIT_TIMEOUT = "-Ddoppel.plugin.init-timeout=2";

    /** The plugin_dir with every test library. */
    static Path pluginDir;
    /** An initialized data directory that tests copy instead of running --initialize again. */
    static Path template;

    private PluginFixtures() {
    }

    /** Builds the plugin_dir and the template data directory under {@code shared}. */
    static void build(Path shared) throws Exception {
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
    }

    /** A server (not started) on a copy of the template data directory under {@code dir}. */
    static DoppelProcess fresh(Path dir) throws IOException {
        FileTrees.copy(template, dir.resolve("data"));
        return DoppelProcess.prepare(dir);
    }

    /** Turns a stopped server's data directory into format 1: no mysql.plugin, doppel_format says format=1. */
    static void makeFormat1(Path datadir) throws Exception {
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
    static int failedLaunch(DoppelProcess process, String... options) throws Exception {
        IllegalStateException failure = catchThrowableOfType(IllegalStateException.class, () -> process.launch(options));
        assertThat(failure).as("the server started").isNotNull();
        assertThat(process.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.process().exitValue();
    }

    static void kill9(DoppelProcess process) throws InterruptedException {
        process.process().destroyForcibly();
        assertThat(process.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    static Connection connect(DoppelProcess process) throws SQLException {
        return connect(process, "root", "");
    }

    static Connection connect(DoppelProcess process, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection(process.url("mysql", JDBC_OPTIONS), properties);
    }

    /** The names of the ACTIVE plugins that came from a library, sorted. */
    static List<String> activePlugins(Statement statement) throws SQLException {
        return rows(statement, "SELECT PLUGIN_NAME FROM INFORMATION_SCHEMA.PLUGINS WHERE PLUGIN_LIBRARY IS NOT NULL"
                + " AND PLUGIN_STATUS = 'ACTIVE' ORDER BY PLUGIN_NAME").stream().map(row -> row.get(0)).toList();
    }

    /** Every row as strings, NULL as "NULL". */
    static List<List<String>> rows(Statement statement, String sql) throws SQLException {
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

    static void assertError(Statement statement, String sql, int number, String sqlState, String message) {
        SQLException error = catchThrowableOfType(SQLException.class, () -> statement.execute(sql));
        assertThat((Object) error).as(sql).isNotNull();
        assertSqlError(error, number, sqlState, message);
    }

    static void assertSqlError(SQLException error, int number, String sqlState, String message) {
        assertThat((Object) error).isNotNull();
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.getErrorCode()).as(message).isEqualTo(number);
        assertThat(error.getSQLState()).as(message).isEqualTo(sqlState);
    }
}
