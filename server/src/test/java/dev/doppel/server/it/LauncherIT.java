package dev.doppel.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/doppeld and the AOT cache the build trains (lib/doppel.aot): used on JDK 25+, still valid when the distribution
 * is moved, and silently left out when it does not fit (the server starts as without it).
 * {@code -XX:AOTMode=on} makes the JVM refuse to start unless it maps the cache, which is how these tests see it.
 */
class LauncherIT {
    private static final String AOT_REQUIRED = "-XX:AOTMode=on";
    private static int launcherJdk;

    @TempDir
    Path home;

    @BeforeAll
    static void findLauncherJdk() throws Exception {
        launcherJdk = DoppelProcess.launcherJavaMajor();
    }

    @Test
    void serverStartsWithTheTrainedCache() throws Exception {
        assumeAotCache();
        assertThat(DoppelProcess.distribution().resolve("lib/doppel.aot")).isRegularFile();
        try (DoppelProcess server = DoppelProcess.prepare(home).environment("DOPPEL_JAVA_OPTS", AOT_REQUIRED)) {
            DoppelProcess.Result init = DoppelProcess.run(home, "--no-defaults", "--initialize-insecure",
                    "--datadir=" + server.datadir(), "--log-error=" + home.resolve("init.log"));
            assertThat(init.exitCode()).isZero();
            server.launch();
            try (Connection c = DriverManager.getConnection(
                    server.url("mysql", "sslMode=DISABLED&allowPublicKeyRetrieval=true"), "root", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT @@version")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).endsWith("-doppel");
            }
        }
    }

    @Test
    void movedDistributionKeepsItsCacheAndADamagedCacheIsLeftOut() throws Exception {
        assumeAotCache();
        Path moved = home.resolve("moved-doppel");
        // the copy keeps the files' modification times: the JVM checks them against those recorded in the cache
        FileTrees.copy(DoppelProcess.distribution(), moved, StandardCopyOption.COPY_ATTRIBUTES);

        DoppelProcess.Result withCache = version(moved, AOT_REQUIRED);
        assertThat(withCache.exitCode()).as(withCache.output()).isZero();

        DoppelProcess.Result ownSharing = version(moved, "-Xshare:off");
        assertThat(ownSharing.exitCode()).as("the user's own -Xshare leaves the cache out: " + ownSharing.output())
                .isZero();

        Path cache = moved.resolve("lib/doppel.aot");
        Files.write(cache, "not an AOT cache".getBytes(StandardCharsets.US_ASCII));
        DoppelProcess.Result damaged = version(moved, "");
        assertThat(damaged.exitCode()).isZero();
        assertThat(damaged.output().strip()).as("only the version line, no JVM messages about the cache")
                .matches("\\S*doppeld\\s+Ver 8\\.4\\.\\d+-doppel for .*");
        DoppelProcess.Result required = version(moved, AOT_REQUIRED);
        assertThat(required.exitCode()).as("the JVM really checks the cache").isNotZero();
    }

    private static void assumeAotCache() {
        assumeTrue(launcherJdk >= 25, "bin/doppeld runs JDK " + launcherJdk + ": AOT caches need JDK 25");
        assumeTrue(!Boolean.getBoolean("doppel.aot.skip"), "the build skipped the AOT training (-Ddoppel.aot.skip)");
    }

    private DoppelProcess.Result version(Path distribution, String javaOptions) throws Exception {
        return DoppelProcess.run(distribution, Map.of("DOPPEL_JAVA_OPTS", javaOptions), home, "--no-defaults",
                "--version");
    }
}
