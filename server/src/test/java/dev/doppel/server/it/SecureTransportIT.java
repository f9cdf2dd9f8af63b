package dev.doppel.server.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** require_secure_transport and certificates given with ssl_ca/ssl_cert/ssl_key. */
class SecureTransportIT {
    @TempDir
    Path home;

    @Test
    void assertInsecureTransportRefusedWhenRequired() throws Exception {
        try (DoppelProcess server = DoppelProcess.start(home, "--require-secure-transport=ON")) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.url("mysql",
                    "sslMode=DISABLED&allowPublicKeyRetrieval=true"), "root", "").close())
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(3159);
                        assertThat(e.getMessage()).isEqualTo("Connections using insecure transport are prohibited"
                                + " while --require_secure_transport=ON.");
                    });
            try (Connection connection = DriverManager.getConnection(server.url("mysql", "sslMode=REQUIRED"), "root", "");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT @@require_secure_transport")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
            MysqlCli.Result socket = MysqlCli.run(null, "-S", server.socket().toString(), "-uroot", "-N", "-e", "SELECT 1");
            assertThat(socket.exitCode()).isZero();
            assertThat(socket.stdout().trim()).isEqualTo("1");
        }
    }

    @Test
    void assertCertificatesFromOptions() throws Exception {
        try (DoppelProcess server = DoppelProcess.start(home)) {
            server.stop();
            Path certs = Files.createDirectories(home.resolve("certs"));
            for (String each : new String[] {"ca.pem", "server-cert.pem", "server-key.pem"}) {
                Files.move(server.datadir().resolve(each), certs.resolve(each));
            }
            server.launch("--ssl-ca=" + certs.resolve("ca.pem"), "--ssl-cert=" + certs.resolve("server-cert.pem"),
                    "--ssl-key=" + certs.resolve("server-key.pem"));
            Path trustStore = trustStore(certs.resolve("ca.pem"));
            String url = server.url("mysql", "sslMode=VERIFY_CA&trustCertificateKeyStoreType=PKCS12"
                    + "&trustCertificateKeyStorePassword=changeit&trustCertificateKeyStoreUrl=file:" + trustStore);
            try (Connection connection = DriverManager.getConnection(url, "root", "");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT @@have_ssl, @@ssl_cert")) {
                rows.next();
                assertThat(rows.getString(1)).isEqualTo("YES");
                assertThat(rows.getString(2)).isEqualTo(certs.resolve("server-cert.pem").toString());
            }
        }
    }

    private Path trustStore(Path caPem) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (var in = Files.newInputStream(caPem)) {
            store.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        Path result = home.resolve("trust.p12");
        try (var out = Files.newOutputStream(result)) {
            store.store(out, "changeit".toCharArray());
        }
        return result;
    }
}
