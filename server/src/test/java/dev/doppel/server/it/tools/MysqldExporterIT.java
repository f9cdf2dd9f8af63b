package dev.doppel.server.it.tools;

import dev.doppel.server.it.DoppelProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus' mysqld_exporter (Debian's prometheus-mysqld-exporter) scrapes a server with its default collectors.
 * Its only error is the one it has with MySQL 8.4 itself: it asks for SHOW SLAVE STATUS, which 8.4 removed (1064).
 * Skipped where the exporter is not installed.
 */
class MysqldExporterIT {
    private static final String EXPORTER = "/usr/bin/prometheus-mysqld-exporter";

    @TempDir
    Path home;

    @Test
    void theDefaultCollectorsScrapeWithoutErrors() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(EXPORTER)), "prometheus-mysqld-exporter is not installed");
        try (DoppelProcess server = DoppelProcess.start(Files.createDirectories(home.resolve("server")))) {
            try (Connection root = DriverManager.getConnection(server.url("mysql",
                    "sslMode=DISABLED&allowPublicKeyRetrieval=true"), "root", "");
                    Statement statement = root.createStatement()) {
                // the account and grants its documentation asks for
                statement.execute("CREATE USER 'exporter'@'%' IDENTIFIED BY 'exporter-pw' WITH MAX_USER_CONNECTIONS 3");
                statement.execute("GRANT PROCESS, REPLICATION CLIENT, SELECT ON *.* TO 'exporter'@'%'");
            }
            Path cnf = home.resolve("exporter.cnf");
            Files.writeString(cnf, "[client]\nuser=exporter\npassword=exporter-pw\nhost=127.0.0.1\nport=" + server.port() + "\n");
            int port = freePort();
            Path log = home.resolve("exporter.log");
            Process exporter = new ProcessBuilder(EXPORTER, "--config.my-cnf=" + cnf,
                    "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                String metrics = scrape(port);
                assertThat(metrics).contains("mysql_up 1", "mysql_global_status_questions ",
                        "mysql_global_variables_max_connections 151", "mysql_info_schema_innodb_cmp_compress_ops_total{",
                        "mysql_info_schema_innodb_cmpmem_pages_used_total{",
                        "mysql_global_status_commands_total{command=\"select\"}");
                List<String> errors = Files.readAllLines(log).stream().filter(line -> line.contains("level=error")).toList();
                assertThat(errors).allSatisfy(line -> assertThat(line).contains("scraper=slave_status")
                        .contains("near 'SLAVE STATUS'"));
            } finally {
                exporter.destroy();
                exporter.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The exporter's /metrics, once it listens. */
    private static String scrape(int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(30)).build();
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
            } catch (IOException notYet) {
                last = notYet;
                Thread.sleep(200);
            }
        }
        throw last;
    }
}
