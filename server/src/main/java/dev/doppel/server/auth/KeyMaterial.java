package dev.doppel.server.auth;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.CompletableFuture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS certificate and key and caching_sha2_password's RSA key pair, read from the files MySQL uses:
 * {@code --ssl-ca/--ssl-cert/--ssl-key} or, by default, the files MySQL auto-generates in the data directory.
 */
public final class KeyMaterial {
    public static final String CA_CERT = "ca.pem";
    public static final String CA_KEY = "ca-key.pem";
    public static final String SERVER_CERT = "server-cert.pem";
    public static final String SERVER_KEY = "server-key.pem";
    public static final String CLIENT_CERT = "client-cert.pem";
    public static final String CLIENT_KEY = "client-key.pem";
    public static final String RSA_PRIVATE_KEY = "private_key.pem";
    public static final String RSA_PUBLIC_KEY = "public_key.pem";

    /** The version named in generated certificates when the caller gives none. */
    public static final String DEFAULT_SERVER_VERSION = "8.4.8";

    private static final int RSA_BITS = 2048;
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final List<String> TLS_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final CompletableFuture<SslContext> serverSslContext;
    private final X509Certificate serverCertificate;
    private final List<X509Certificate> caCertificates;
    private final RSAPrivateKey rsaPrivateKey;
    private final String rsaPublicKeyPem;

    private KeyMaterial(CompletableFuture<SslContext> serverSslContext, X509Certificate serverCertificate,
            List<X509Certificate> caCertificates, RSAPrivateKey rsaPrivateKey, String rsaPublicKeyPem) {
        this.serverSslContext = serverSslContext;
        this.serverCertificate = serverCertificate;
        this.caCertificates = caCertificates;
        this.rsaPrivateKey = rsaPrivateKey;
        this.rsaPublicKeyPem = rsaPublicKeyPem;
    }

    /** {@link #generate(Path, String)} naming {@link #DEFAULT_SERVER_VERSION}. */
    public static void generate(Path datadir) throws IOException {
        generate(datadir, DEFAULT_SERVER_VERSION);
    }

    /**
     * Creates the files MySQL's auto_generate_certs and caching_sha2_password_auto_generate_rsa_keys create, under
     * the same rules: the CA, server and client certificates and keys only when none of ca.pem, server-cert.pem and
     * server-key.pem exists, the RSA pair only when neither private_key.pem nor public_key.pem exists. Certificates
     * are X.509 v3, RSA 2048, SHA256withRSA, valid ten years from now, serials 1 (CA), 2 (server), 3 (client);
     * private keys are PKCS#8 PEM with permission 0600.
     */
    public static void generate(Path datadir, String serverVersion) throws IOException {
        boolean tls = !exists(datadir, CA_CERT) && !exists(datadir, SERVER_CERT) && !exists(datadir, SERVER_KEY);
        boolean rsa = !exists(datadir, RSA_PRIVATE_KEY) && !exists(datadir, RSA_PUBLIC_KEY);
        if (!tls && !rsa) {
            return;
        }
        List<KeyPair> keys = IntStream.range(0, (tls ? 3 : 0) + (rsa ? 1 : 0)).parallel()
                .mapToObj(i -> newRsaKeyPair()).toList();
        try {
            if (tls) {
                writeCertificates(datadir, serverVersion, keys.get(0), keys.get(1), keys.get(2));
            }
            if (rsa) {
                KeyPair pair = keys.get(keys.size() - 1);
                writePrivate(datadir.resolve(RSA_PRIVATE_KEY),
                        Pem.encode(Pem.PRIVATE_KEY, pair.getPrivate().getEncoded()));
                writePublic(datadir.resolve(RSA_PUBLIC_KEY), Pem.encode(Pem.PUBLIC_KEY, pair.getPublic().getEncoded()));
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate certificates in " + datadir, e);
        }
    }

    /** {@link #load(Path, Optional, Optional, Optional, Optional, Optional)} with the default RSA key files. */
    public static KeyMaterial load(Path datadir, Optional<Path> sslCa, Optional<Path> sslCert, Optional<Path> sslKey)
            throws KeyMaterialException {
        return load(datadir, sslCa, sslCert, sslKey, Optional.empty(), Optional.empty());
    }

    /**
     * Reads the key material. Relative paths resolve against the data directory (mysqld's working directory).
     * A file named by an option must exist; a default file may be absent: without certificate and key TLS is
     * disabled ({@link #serverSslContext()} is null), without both RSA files the RSA exchange is.
     *
     * @throws KeyMaterialException naming the file that is missing, unreadable or malformed
     */
    public static KeyMaterial load(Path datadir, Optional<Path> sslCa, Optional<Path> sslCert, Optional<Path> sslKey,
            Optional<Path> rsaPrivateKeyPath, Optional<Path> rsaPublicKeyPath) throws KeyMaterialException {
        Optional<Path> caFile = locate(datadir, sslCa, CA_CERT);
        Optional<Path> certFile = locate(datadir, sslCert, SERVER_CERT);
        Optional<Path> keyFile = locate(datadir, sslKey, SERVER_KEY);
        Optional<Path> rsaPrivateFile = locate(datadir, rsaPrivateKeyPath, RSA_PRIVATE_KEY);
        Optional<Path> rsaPublicFile = locate(datadir, rsaPublicKeyPath, RSA_PUBLIC_KEY);

        List<X509Certificate> ca = caFile.isPresent() ? readCertificates(caFile.get()) : List.of();
        CompletableFuture<SslContext> ssl = null;
        X509Certificate serverCertificate = null;
        if (certFile.isPresent() || keyFile.isPresent()) {
            Path cert = certFile.orElseGet(() -> datadir.resolve(SERVER_CERT));
            Path key = keyFile.orElseGet(() -> datadir.resolve(SERVER_KEY));
            List<X509Certificate> chain = readCertificates(requireExists(cert));
            PrivateKey privateKey = readPrivateKey(requireExists(key));
            checkPair(key, privateKey, chain.get(0).getPublicKey());
            // Building the JDK's SSL context takes about half a second (provider and random seeding): done on the
            // side, so the server is ready for connections meanwhile; the first TLS connection waits for it.
            CompletableFuture<SslContext> building = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("tls-context").start(() -> {
                try {
                    building.complete(serverContext(cert, privateKey, chain));
                } catch (KeyMaterialException | RuntimeException e) {
                    building.completeExceptionally(e);
                }
            });
            ssl = building;
            serverCertificate = chain.get(0);
        }

        RSAPrivateKey rsaPrivate = null;
        String rsaPublicPem = null;
        if (rsaPrivateFile.isPresent() && rsaPublicFile.isPresent()) {
            PrivateKey key = readPrivateKey(rsaPrivateFile.get());
            if (!(key instanceof RSAPrivateKey rsaKey)) {
                throw new KeyMaterialException(rsaPrivateFile.get(), "not an RSA private key");
            }
            PublicKey publicKey = readRsaPublicKey(rsaPublicFile.get());
            checkPair(rsaPrivateFile.get(), rsaKey, publicKey);
            rsaPrivate = rsaKey;
            rsaPublicPem = Pem.encode(Pem.PUBLIC_KEY, publicKey.getEncoded());
        }
        return new KeyMaterial(ssl, serverCertificate, ca, rsaPrivate, rsaPublicPem);
    }

    /**
     * The server's TLS context (JDK provider, TLSv1.2 and TLSv1.3, no client certificate asked), or null when
     * there is no certificate and key (have_ssl DISABLED).
     */
    public SslContext serverSslContext() {
        return serverSslContext == null ? null : serverSslContext.join();
    }

    /** Whether TLS is configured (a certificate and key were found and match), without waiting for the context. */
    public boolean tlsAvailable() {
        return serverSslContext != null;
    }

    /** The server certificate presented in the handshake, or null without TLS. */
    public X509Certificate serverCertificate() {
        return serverCertificate;
    }

    /** The certificates of the CA file, empty when there is none. */
    public List<X509Certificate> caCertificates() {
        return caCertificates;
    }

    /** caching_sha2_password's RSA private key, or null when the RSA key files are missing. */
    public RSAPrivateKey rsaPrivateKey() {
        return rsaPrivateKey;
    }

    /** The RSA public key as a "BEGIN PUBLIC KEY" PEM, as sent to clients that ask for it, or null. */
    public String rsaPublicKeyPem() {
        return rsaPublicKeyPem;
    }

    private static void writeCertificates(Path datadir, String version, KeyPair caKeys, KeyPair serverKeys,
            KeyPair clientKeys) throws GeneralSecurityException, IOException {
        Instant notBefore = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(VALIDITY);
        String prefix = "MySQL_Server_" + version + "_Auto_Generated_";
        String caName = prefix + "CA_Certificate";

        X509Certificate ca = new X509CertificateBuilder().serial(1).subject(caName).validity(notBefore, notAfter)
                .publicKey(caKeys.getPublic()).certificateAuthority(true).sign(caKeys.getPrivate());
        X509Certificate server = new X509CertificateBuilder().serial(2).subject(prefix + "Server_Certificate")
                .issuer(caName).validity(notBefore, notAfter).publicKey(serverKeys.getPublic())
                .sign(caKeys.getPrivate());
        X509Certificate client = new X509CertificateBuilder().serial(3).subject(prefix + "Client_Certificate")
                .issuer(caName).validity(notBefore, notAfter).publicKey(clientKeys.getPublic())
                .sign(caKeys.getPrivate());

        writePrivate(datadir.resolve(CA_KEY), Pem.encode(Pem.PRIVATE_KEY, caKeys.getPrivate().getEncoded()));
        writePublic(datadir.resolve(CA_CERT), Pem.encode(Pem.CERTIFICATE, ca.getEncoded()));
        writePrivate(datadir.resolve(SERVER_KEY), Pem.encode(Pem.PRIVATE_KEY, serverKeys.getPrivate().getEncoded()));
        writePublic(datadir.resolve(SERVER_CERT), Pem.encode(Pem.CERTIFICATE, server.getEncoded()));
        writePrivate(datadir.resolve(CLIENT_KEY), Pem.encode(Pem.PRIVATE_KEY, clientKeys.getPrivate().getEncoded()));
        writePublic(datadir.resolve(CLIENT_CERT), Pem.encode(Pem.CERTIFICATE, client.getEncoded()));
    }

    private static KeyPair newRsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA key generation is required by every Java platform", e);
        }
    }

    /** Writes a key file readable by its owner only (0600) where the file system has POSIX permissions. */
    private static void writePrivate(Path file, String pem) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static void writePublic(Path file, String pem) throws IOException {
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static boolean exists(Path datadir, String name) {
        return Files.exists(datadir.resolve(name));
    }

    /** The option's file (which must exist) or the default file in the data directory if it exists. */
    private static Optional<Path> locate(Path datadir, Optional<Path> option, String defaultName)
            throws KeyMaterialException {
        if (option.isPresent()) {
            return Optional.of(requireExists(datadir.resolve(option.get())));
        }
        Path file = datadir.resolve(defaultName);
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    private static Path requireExists(Path file) throws KeyMaterialException {
        if (!Files.exists(file)) {
            throw new KeyMaterialException(file, "no such file");
        }
        return file;
    }

    private static List<Pem.Block> readBlocks(Path file) throws KeyMaterialException {
        try {
            return Pem.decode(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException(file, "no such file", e);
        } catch (IOException e) {
            throw new KeyMaterialException(file, "cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException(file, e.getMessage(), e);
        }
    }

    private static List<X509Certificate> readCertificates(Path file) throws KeyMaterialException {
        try {
            List<X509Certificate> certificates = Pem.certificates(readBlocks(file));
            if (certificates.isEmpty()) {
                throw new KeyMaterialException(file, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
            }
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(file, "not a valid X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static PrivateKey readPrivateKey(Path file) throws KeyMaterialException {
        for (Pem.Block block : readBlocks(file)) {
            if (block.type().equals(Pem.PRIVATE_KEY) || block.type().equals(Pem.RSA_PRIVATE_KEY)) {
                try {
                    return Pem.privateKey(block);
                } catch (GeneralSecurityException e) {
                    throw new KeyMaterialException(file, "not a valid " + block.type() + ": " + e.getMessage(), e);
                }
            }
        }
        throw new KeyMaterialException(file,
                "holds no PEM private key (-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----)");
    }

    private static PublicKey readRsaPublicKey(Path file) throws KeyMaterialException {
        for (Pem.Block block : readBlocks(file)) {
            if (block.type().equals(Pem.PUBLIC_KEY) || block.type().equals(Pem.RSA_PUBLIC_KEY)) {
                try {
                    return Pem.rsaPublicKey(block);
                } catch (GeneralSecurityException e) {
                    throw new KeyMaterialException(file, "not a valid RSA " + block.type() + ": " + e.getMessage(), e);
                }
            }
        }
        throw new KeyMaterialException(file, "holds no PEM public key (-----BEGIN PUBLIC KEY-----)");
    }

    /** Rejects an RSA private key whose modulus differs from the public key's, as OpenSSL's key check does. */
    private static void checkPair(Path keyFile, PrivateKey privateKey, PublicKey publicKey)
            throws KeyMaterialException {
        if (privateKey instanceof RSAKey priv && publicKey instanceof RSAKey pub
                && !priv.getModulus().equals(pub.getModulus())) {
            throw new KeyMaterialException(keyFile, "the private key does not match the public key or certificate");
        }
        if (!privateKey.getAlgorithm().equals(publicKey.getAlgorithm())) {
            throw new KeyMaterialException(keyFile, "a " + privateKey.getAlgorithm()
                    + " private key cannot go with a " + publicKey.getAlgorithm() + " public key");
        }
    }

    private static SslContext serverContext(Path certFile, PrivateKey key, List<X509Certificate> chain)
            throws KeyMaterialException {
        // The JDK context is built here rather than by SslContextBuilder: netty's JdkSslServerContext builds a
        // PKCS#12 key store with a dummy key when its class loads, which costs a PBKDF2 run (see ServerKeyManager).
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {new ServerKeyManager(key, chain)}, null, null);
            return new JdkSslContext(context, false, null, IdentityCipherSuiteFilter.INSTANCE,
                    ApplicationProtocolConfig.DISABLED, ClientAuth.NONE, TLS_PROTOCOLS.toArray(String[]::new), false);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyMaterialException(certFile, "cannot set up TLS with this certificate: " + e.getMessage(), e);
        }
    }
}
