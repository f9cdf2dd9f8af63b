package dev.doppel.server.auth;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * caching_sha2_password's in-memory cache: account (user, host pattern as stored in mysql.user) to
 * SHA256(SHA256(password)), filled after a successful full authentication. MySQL empties an account's entry on
 * ALTER USER / SET PASSWORD / RENAME USER / DROP USER and the whole cache on FLUSH PRIVILEGES.
 */
public final class CachingSha2Cache {
    private final Map<Account, byte[]> digests = new ConcurrentHashMap<>();

    /** Records (or replaces) the fast digest of an account. */
    public void put(String user, String host, byte[] fastDigest) {
        digests.put(new Account(user, host), fastDigest.clone());
    }

    /** The cached fast digest of an account, if it authenticated fully since its last invalidation. */
    public Optional<byte[]> get(String user, String host) {
        return Optional.ofNullable(digests.get(new Account(user, host))).map(byte[]::clone);
    }

    public void invalidate(String user, String host) {
        digests.remove(new Account(user, host));
    }

    public void clear() {
        digests.clear();
    }

    public int size() {
        return digests.size();
    }

    private record Account(String user, String host) {
        Account {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(host, "host");
        }
    }
}
