package dev.doppel.server.auth;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds and signs an X.509 v3 certificate with SHA256withRSA, holding just what MySQL's auto-generated
 * certificates hold: a serial, a subject and issuer made of one common name, a validity period, the subject's
 * RSA public key and a basicConstraints extension.
 */
final class X509CertificateBuilder {
    private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";

    private BigInteger serial = BigInteger.ONE;
    private String subjectCommonName;
    private String issuerCommonName;
    private Instant notBefore;
    private Instant notAfter;
    private PublicKey publicKey;
    private boolean certificateAuthority;

    X509CertificateBuilder serial(long serial) {
        this.serial = BigInteger.valueOf(serial);
        return this;
    }

    X509CertificateBuilder subject(String commonName) {
        this.subjectCommonName = commonName;
        return this;
    }

    /** The issuer's common name; the subject's when not set (a self-signed certificate). */
    X509CertificateBuilder issuer(String commonName) {
        this.issuerCommonName = commonName;
        return this;
    }

    X509CertificateBuilder validity(Instant notBefore, Instant notAfter) {
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        return this;
    }

    X509CertificateBuilder publicKey(PublicKey publicKey) {
        this.publicKey = publicKey;
        return this;
    }

    /** Marks the certificate as a CA (basicConstraints critical, CA:TRUE). */
    X509CertificateBuilder certificateAuthority(boolean ca) {
        this.certificateAuthority = ca;
        return this;
    }

    /** Signs with the issuer's private key and returns the parsed certificate. */
    X509Certificate sign(PrivateKey issuerKey) throws GeneralSecurityException {
        Objects.requireNonNull(subjectCommonName, "subject");
        Objects.requireNonNull(notBefore, "validity");
        Objects.requireNonNull(publicKey, "publicKey");
        byte[] signatureAlgorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(2)),
                Der.integer(serial),
                signatureAlgorithm,
                name(issuerCommonName != null ? issuerCommonName : subjectCommonName),
                Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                name(subjectCommonName),
                publicKey.getEncoded(),
                Der.explicit(3, Der.sequence(basicConstraints())));

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(issuerKey);
        signer.update(tbs);
        byte[] certificate = Der.sequence(tbs, signatureAlgorithm, Der.bitString(signer.sign()));
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
    }

    private byte[] basicConstraints() {
        if (certificateAuthority) {
            return Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.bool(true),
                    Der.octetString(Der.sequence(Der.bool(true))));
        }
        return Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.octetString(Der.sequence()));
    }

    private static byte[] name(String commonName) {
        return Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(commonName))));
    }
}
