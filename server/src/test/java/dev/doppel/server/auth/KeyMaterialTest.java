package dev.doppel.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyMaterialTest {
    @TempDir
    static Path generated;

    @BeforeAll
    static void generate() throws IOException {
        KeyMaterial.generate(generated, "8.4.8");
    }

    @Test
    void generatesMySqlsFiles() throws IOException {
        for (String name : List.of("ca.pem", "ca-key.pem", "server-cert.pem", "server-key.pem", "client-cert.pem",
                "client-key.pem", "private_key.pem", "public_key.pem")) {
            assertThat(generated.resolve(name)).isRegularFile();
        }
        assertThat(Files.readString(generated.resolve("server-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(generated.resolve("public_key.pem"))).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(Files.readString(generated.resolve("ca.pem"))).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void keyFilesAreOwnerOnly() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        for (String name : List.of("ca-key.pem", "server-key.pem", "client-key.pem", "private_key.pem")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
    }

    @Test
    void certificatesLookLikeMySqls() throws Exception {
        X509Certificate ca = certificate("ca.pem");
        X509Certificate server = certificate("server-cert.pem");
        X509Certificate client = certificate("client-cert.pem");

        assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=MySQL_Server_8.4.8_Auto_Generated_CA_Certificate");
        assertThat(ca.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(server.getSubjectX500Principal().getName())
                .isEqualTo("CN=MySQL_Server_8.4.8_Auto_Generated_Server_Certificate");
        assertThat(client.getSubjectX500Principal().getName())
                .isEqualTo("CN=MySQL_Server_8.4.8_Auto_Generated_Client_Certificate");
        assertThat(server.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());

        assertThat(List.of(ca, server, client)).allSatisfy(c -> {
            assertThat(c.getVersion()).isEqualTo(3);
            assertThat(c.getSigAlgName()).isEqualTo("SHA256withRSA");
            assertThat(((RSAPublicKey) c.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
            assertThat(Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant()))
                    .isEqualTo(Duration.ofDays(3650));
        });
        assertThat(List.of(ca.getSerialNumber(), server.getSerialNumber(), client.getSerialNumber()))
                .containsExactly(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3));
        assertThat(ca.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE);
        assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19");
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
    }

    @Test
    void serverAndClientCertificatesChainToTheCa() throws Exception {
        X509Certificate ca = certificate("ca.pem");
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        parameters.setRevocationEnabled(false);

        for (String name : List.of("server-cert.pem", "client-cert.pem")) {
            X509Certificate leaf = certificate(name);
            leaf.verify(ca.getPublicKey());
            CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(List.of(leaf)), parameters);
        }
        ca.verify(ca.getPublicKey());
    }

    @Test
    void loadsGeneratedFilesFromTheDataDirectory() throws Exception {
        KeyMaterial keys = KeyMaterial.load(generated, Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(keys.serverSslContext()).isNotNull();
        assertThat(keys.serverSslContext().isServer()).isTrue();
        assertThat(keys.serverCertificate()).isEqualTo(certificate("server-cert.pem"));
        assertThat(keys.caCertificates()).containsExactly(certificate("ca.pem"));
        assertThat(keys.rsaPrivateKey()).isNotNull();
        assertThat(keys.rsaPublicKeyPem()).isEqualTo(Files.readString(generated.resolve("public_key.pem")));
    }

    @Test
    void tlsHandshakeSucceedsAgainstTheCa() throws Exception {
        KeyMaterial keys = KeyMaterial.load(generated, Optional.empty(), Optional.empty(), Optional.empty());

        String protocol = handshake(keys.serverSslContext(), certificate("ca.pem"), "TLSv1.3");
        assertThat(protocol).isEqualTo("TLSv1.3");
        assertThat(handshake(keys.serverSslContext(), certificate("ca.pem"), "TLSv1.2")).isEqualTo("TLSv1.2");
    }

    @Test
    void ecServerKeyHandshakes(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair ec = generator.generateKeyPair();
        PrivateKey caKey = Pem.privateKey(Pem.decode(Files.readString(generated.resolve("ca-key.pem"))).get(0));
        X509Certificate certificate = new X509CertificateBuilder().serial(7).subject("EC server").issuer(
                        certificate("ca.pem").getSubjectX500Principal().getName().replaceFirst("^CN=", ""))
                .validity(Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600))
                .publicKey(ec.getPublic()).sign(caKey);
        Files.writeString(dir.resolve("server-cert.pem"), Pem.encode("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(dir.resolve("server-key.pem"), Pem.encode("PRIVATE KEY", ec.getPrivate().getEncoded()));

        KeyMaterial keys = KeyMaterial.load(dir, Optional.of(generated.resolve("ca.pem")), Optional.empty(),
                Optional.empty());

        assertThat(handshake(keys.serverSslContext(), certificate("ca.pem"), "TLSv1.3")).isEqualTo("TLSv1.3");
        assertThat(handshake(keys.serverSslContext(), certificate("ca.pem"), "TLSv1.2")).isEqualTo("TLSv1.2");
    }

    @Test
    void rsaKeysEncryptAndDecryptThePassword() throws Exception {
        KeyMaterial keys = KeyMaterial.load(generated, Optional.empty(), Optional.empty(), Optional.empty());
        RSAPublicKey publicKey = (RSAPublicKey) Pem.rsaPublicKey(Pem.decode(keys.rsaPublicKeyPem()).get(0));
        byte[] nonce = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);

        byte[] encrypted = CachingSha2Password.encryptPassword("pw", nonce, publicKey);

        assertThat(CachingSha2Password.decryptPassword(encrypted, nonce, keys.rsaPrivateKey())).isEqualTo("pw");
    }

    @Test
    void acceptsPkcs1KeysAndOptionPaths(@TempDir Path dir) throws Exception {
        Files.copy(generated.resolve("server-cert.pem"), dir.resolve("cert.pem"));
        Files.writeString(dir.resolve("key.pem"), toPkcs1Pem(generated.resolve("server-key.pem")));
        Files.writeString(dir.resolve("rsa-private.pem"), toPkcs1Pem(generated.resolve("private_key.pem")));
        Files.copy(generated.resolve("public_key.pem"), dir.resolve("rsa-public.pem"));

        KeyMaterial keys = KeyMaterial.load(dir, Optional.of(generated.resolve("ca.pem")),
                Optional.of(Path.of("cert.pem")), Optional.of(dir.resolve("key.pem")),
                Optional.of(Path.of("rsa-private.pem")), Optional.of(Path.of("rsa-public.pem")));

        assertThat(Files.readString(dir.resolve("key.pem"))).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(handshake(keys.serverSslContext(), certificate("ca.pem"), "TLSv1.3")).isEqualTo("TLSv1.3");
        assertThat(keys.rsaPrivateKey()).isNotNull();
    }

    @Test
    void noFilesMeansTlsAndRsaDisabled(@TempDir Path empty) throws KeyMaterialException {
        KeyMaterial keys = KeyMaterial.load(empty, Optional.empty(), Optional.empty(), Optional.empty());

        assertThat(keys.serverSslContext()).isNull();
        assertThat(keys.serverCertificate()).isNull();
        assertThat(keys.caCertificates()).isEmpty();
        assertThat(keys.rsaPrivateKey()).isNull();
        assertThat(keys.rsaPublicKeyPem()).isNull();
    }

    @Test
    void missingOptionFileIsNamed(@TempDir Path empty) {
        assertThatThrownBy(() -> KeyMaterial.load(empty, Optional.empty(), Optional.of(Path.of("nope.pem")),
                Optional.empty()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("nope.pem")
                .hasMessageContaining("no such file");
    }

    @Test
    void certificateWithoutKeyIsAnError(@TempDir Path dir) throws IOException {
        Files.copy(generated.resolve("server-cert.pem"), dir.resolve("server-cert.pem"));

        assertThatThrownBy(() -> KeyMaterial.load(dir, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("server-key.pem");
    }

    @Test
    void malformedFilesAreNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("server-cert.pem"), "not a certificate");
        Files.copy(generated.resolve("server-key.pem"), dir.resolve("server-key.pem"));

        assertThatThrownBy(() -> KeyMaterial.load(dir, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("server-cert.pem")
                .hasMessageContaining("no PEM certificate");

        Files.copy(generated.resolve("server-cert.pem"), dir.resolve("server-cert.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("server-key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> KeyMaterial.load(dir, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("server-key.pem")
                .hasMessageContaining("not a valid PRIVATE KEY");
    }

    @Test
    void keyThatDoesNotMatchTheCertificateIsRefused(@TempDir Path dir) throws IOException {
        Files.copy(generated.resolve("server-cert.pem"), dir.resolve("server-cert.pem"));
        Files.copy(generated.resolve("client-key.pem"), dir.resolve("server-key.pem"));

        assertThatThrownBy(() -> KeyMaterial.load(dir, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("server-key.pem")
                .hasMessageContaining("does not match");
    }

    @Test
    void encryptedKeysAreReportedAsUnsupported(@TempDir Path dir) throws IOException {
        Files.copy(generated.resolve("server-cert.pem"), dir.resolve("server-cert.pem"));
        Files.writeString(dir.resolve("server-key.pem"),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");

        assertThatThrownBy(() -> KeyMaterial.load(dir, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("server-key.pem")
                .hasMessageContaining("encrypted");
    }

    @Test
    void generateLeavesExistingFilesAlone(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ca.pem"), "user's own");

        KeyMaterial.generate(dir);

        assertThat(Files.readString(dir.resolve("ca.pem"))).isEqualTo("user's own");
        assertThat(dir.resolve("server-cert.pem")).doesNotExist();
        assertThat(dir.resolve("private_key.pem")).isRegularFile();
        assertThat(dir.resolve("public_key.pem")).isRegularFile();
    }

    private static X509Certificate certificate(String name) throws Exception {
        return Pem.certificates(Pem.decode(Files.readString(generated.resolve(name)))).get(0);
    }

    /** Rewrites a PKCS#8 RSA key file as OpenSSL's traditional "RSA PRIVATE KEY" (PKCS#1) file. */
    private static String toPkcs1Pem(Path pkcs8File) throws IOException {
        byte[] der = Pem.decode(Files.readString(pkcs8File)).get(0).der();
        ByteBuffer in = ByteBuffer.wrap(der);
        enter(in);
        skip(in);
        skip(in);
        int length = enter(in);
        byte[] pkcs1 = new byte[length];
        in.get(pkcs1);
        return Pem.encode("RSA PRIVATE KEY", pkcs1);
    }

    /** Reads a tag and length, leaving the buffer at the content; returns the content length. */
    private static int enter(ByteBuffer in) {
        in.get();
        int first = in.get() & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7F); i++) {
            length = (length << 8) | (in.get() & 0xFF);
        }
        return length;
    }

    private static void skip(ByteBuffer in) {
        int length = enter(in);
        in.position(in.position() + length);
    }

    /** Runs a TLS handshake between the server context and a JDK client trusting {@code ca}; returns the protocol. */
    private static String handshake(SslContext server, X509Certificate ca, String protocol)
            throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);
        SSLEngine client = clientContext.createSSLEngine();
        client.setUseClientMode(true);
        client.setEnabledProtocols(new String[] {protocol});
        SSLEngine serverEngine = server.newEngine(ByteBufAllocator.DEFAULT);

        ByteBuffer clientToServer = ByteBuffer.allocate(1 << 16);
        ByteBuffer serverToClient = ByteBuffer.allocate(1 << 16);
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer sink = ByteBuffer.allocate(1 << 16);
        client.beginHandshake();
        serverEngine.beginHandshake();
        for (int i = 0; i < 100 && !(done(client) && done(serverEngine)); i++) {
            step(client, empty, clientToServer, serverToClient, sink);
            step(serverEngine, empty, serverToClient, clientToServer, sink);
        }
        assertThat(done(client) && done(serverEngine)).as("handshake finished").isTrue();
        return client.getSession().getProtocol();
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }

    private static void step(SSLEngine engine, ByteBuffer empty, ByteBuffer out, ByteBuffer in, ByteBuffer sink)
            throws IOException {
        engine.wrap(empty, out);
        in.flip();
        engine.unwrap(in, sink);
        in.compact();
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
        sink.clear();
    }
}
