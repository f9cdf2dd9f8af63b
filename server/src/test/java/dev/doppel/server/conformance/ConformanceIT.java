package dev.doppel.server.conformance;

import dev.doppel.server.it.DoppelProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The SQL conformance suite: every script under {@code conformance/} (test resources) in five modes, each
 * script in each mode one test: in-process (the server's connection and SQL layers on an embedded channel, no
 * network), and over TCP against a child server with Connector/J and with MariaDB Connector/J 3, each once with
 * text queries and once with server-side prepared statements. Format and known deviations: docs/testing.md.
 */
class ConformanceIT {
    /** Affected rows as MySQL counts them without CLIENT_FOUND_ROWS, so that the scripts hold for every mode. */
    private static final String CONNECTOR_J = "sslMode=DISABLED&useAffectedRows=true";
    private static final String MARIADB = "useAffectedRows=true";
    private static final String SERVER_PREPARED = "&useServerPrepStmts=true";

    @TempDir
    static Path home;
    static InProcessServer inProcess;
    static DoppelProcess child;

    @FunctionalInterface
    interface Connector {
        ScriptClient connect() throws Exception;
    }

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(home.resolve("in-process"));
        Files.createDirectories(home.resolve("child"));
        inProcess = new InProcessServer(home.resolve("in-process"), DoppelProcess.distribution());
        child = DoppelProcess.start(home.resolve("child"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (inProcess != null) {
            inProcess.close();
        }
        if (child != null) {
            child.close();
        }
    }

    @TestFactory
    Stream<DynamicNode> scripts() throws Exception {
        List<ConformanceScript> scripts = load();
        return Stream.of(
                mode("in-process", scripts, () -> inProcess.connect()),
                mode("connector-j text", scripts, () -> jdbc("mysql", CONNECTOR_J, false)),
                mode("connector-j prepared", scripts, () -> jdbc("mysql", CONNECTOR_J + SERVER_PREPARED
                        + "&emulateUnsupportedPstmts=false", true)),
                mode("mariadb text", scripts, () -> jdbc("mariadb", MARIADB, false)),
                mode("mariadb prepared", scripts, () -> jdbc("mariadb", MARIADB + SERVER_PREPARED, true)));
    }

    private static ScriptClient jdbc(String driver, String options, boolean prepared) throws Exception {
        return new JdbcClient(DriverManager.getConnection(child.url(driver, options), "root", ""), prepared);
    }

    private static DynamicContainer mode(String name, List<ConformanceScript> scripts, Connector connector) {
        return DynamicContainer.dynamicContainer(name, scripts.stream().map(script ->
                DynamicTest.dynamicTest(script.name() + " [" + name + "]", () -> run(script, name, connector))));
    }

    private static void run(ConformanceScript script, String mode, Connector connector) throws Exception {
        try (ScriptClient admin = connector.connect()) {
            ScriptRunner.resetServer(admin);
        }
        ScriptRunner.Report report;
        try (ScriptClient client = connector.connect()) {
            report = ScriptRunner.run(script, client);
        }
        System.out.println("[conformance] " + script.name() + " [" + mode + "]: " + script.cases().size()
                + " statements, " + report.failures().size() + " failures, " + report.deviations().size()
                + " known deviations");
        report.deviations().forEach(each -> System.out.println("  " + each));
        report.passingDeviations().forEach(each -> System.out.println("  marked as a deviation but as MySQL: " + each));
        if (!report.failures().isEmpty()) {
            fail(report.failures().size() + " of " + script.cases().size() + " statements differ from MySQL 8.4:\n"
                    + String.join("\n", report.failures()));
        }
    }

    private static List<ConformanceScript> load() throws Exception {
        Path directory = Path.of(ConformanceIT.class.getResource("/conformance").toURI());
        try (Stream<Path> files = Files.list(directory)) {
            // -Dconformance.only=18- runs the scripts whose names hold that text (when working on one)
            String only = System.getProperty("conformance.only", "");
            return files.filter(file -> file.toString().endsWith(".sql"))
                    .filter(file -> file.getFileName().toString().contains(only)).sorted()
                    .map(file -> {
                        try {
                            return ConformanceScript.parse(file.getFileName().toString(),
                                    Files.readString(file, StandardCharsets.UTF_8));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
        }
    }
}
