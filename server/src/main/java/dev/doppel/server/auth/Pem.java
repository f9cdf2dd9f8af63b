package dev.doppel.server.auth;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM files: the blocks they hold and the certificates and RSA keys inside, in the forms OpenSSL writes. */
final class Pem {
    static final String CERTIFICATE = "CERTIFICATE";
    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String RSA_PRIVATE_KEY = "RSA PRIVATE KEY";
    static final String PUBLIC_KEY = "PUBLIC KEY";
    static final String RSA_PUBLIC_KEY = "RSA PUBLIC KEY";

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

    record Block(String type, byte[] der) {
    }

    private Pem() {
    }

    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** The blocks of a PEM text, in order; text outside them (OpenSSL's "Bag Attributes", comments) is ignored. */
    static List<Block> decode(String text) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            if (body.contains("ENCRYPTED") || m.group(1).startsWith("ENCRYPTED")) {
                throw new IllegalArgumentException(
                        "encrypted PEM blocks are not supported (no passphrase can be given)");
            }
            if (body.contains(":")) {
                throw new IllegalArgumentException("PEM headers are not supported in a " + m.group(1) + " block");
            }
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(body.strip())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bad base64 in a " + m.group(1) + " block", e);
            }
        }
        return blocks;
    }

    static List<X509Certificate> certificates(List<Block> blocks) throws GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : blocks) {
            if (block.type().equals(CERTIFICATE)) {
                certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            }
        }
        return certificates;
    }

    /** A private key from a PKCS#8 ("PRIVATE KEY", RSA or EC) or PKCS#1 ("RSA PRIVATE KEY") block. */
    static PrivateKey privateKey(Block block) throws GeneralSecurityException {
        return switch (block.type()) {
            case PRIVATE_KEY -> pkcs8(block.der());
            case RSA_PRIVATE_KEY -> KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(pkcs1ToPkcs8(block.der())));
            default -> throw new InvalidKeySpecException("a " + block.type() + " block is not a private key");
        };
    }

    /** An RSA public key from a SubjectPublicKeyInfo ("PUBLIC KEY") or PKCS#1 ("RSA PUBLIC KEY") block. */
    static PublicKey rsaPublicKey(Block block) throws GeneralSecurityException {
        byte[] spki = switch (block.type()) {
            case PUBLIC_KEY -> block.der();
            case RSA_PUBLIC_KEY -> Der.sequence(rsaAlgorithm(), Der.bitString(block.der()));
            default -> throw new InvalidKeySpecException("a " + block.type() + " block is not a public key");
        };
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo, which the JDK (and netty without BouncyCastle) read. */
    static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        return Der.sequence(Der.integer(0), rsaAlgorithm(), Der.octetString(pkcs1));
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (InvalidKeySpecException notRsa) {
            try {
                return KeyFactory.getInstance("EC").generatePrivate(spec);
            } catch (InvalidKeySpecException notEc) {
                notRsa.addSuppressed(notEc);
                throw notRsa;
            }
        }
    }

    private static byte[] rsaAlgorithm() {
        return Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nullValue());
    }
}
