package dev.doppel.server.instance;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.security.Account;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What accounts with hourly limits used (MAX_QUERIES_PER_HOUR, MAX_UPDATES_PER_HOUR, MAX_CONNECTIONS_PER_HOUR), as
 * MySQL counts it: per account, from the first use of an hour; once an hour has passed the counts start again, and
 * FLUSH USER_RESOURCES or FLUSH PRIVILEGES start them again at once. A use past a limit is refused with 1226. Accounts
 * without such limits are not counted.
 */
public final class AccountUsage {
    private static final long HOUR_NANOS = TimeUnit.HOURS.toNanos(1);

    private enum Kind { QUERIES, UPDATES, CONNECTIONS }

    private static final class Counts {
        long since = System.nanoTime();
        final long[] used = new long[Kind.values().length];
    }

    private final ConcurrentHashMap<String, Counts> accounts = new ConcurrentHashMap<>();

    public void query(Account account) {
        use(account, Kind.QUERIES, account.limits().queriesPerHour(), "max_questions");
    }

    public void update(Account account) {
        use(account, Kind.UPDATES, account.limits().updatesPerHour(), "max_updates");
    }

    public void connection(Account account) {
        use(account, Kind.CONNECTIONS, account.limits().connectionsPerHour(), "max_connections_per_hour");
    }

    /** FLUSH USER_RESOURCES, FLUSH PRIVILEGES. */
    public void reset() {
        accounts.clear();
    }

    private void use(Account account, Kind kind, long limit, String resource) {
        if (limit <= 0) {
            return;
        }
        Counts counts = accounts.computeIfAbsent(account.user() + "@" + account.host(), key -> new Counts());
        synchronized (counts) {
            long now = System.nanoTime();
            if (now - counts.since >= HOUR_NANOS) {
                counts.since = now;
                java.util.Arrays.fill(counts.used, 0);
            }
            if (counts.used[kind.ordinal()] >= limit) {
                throw MySqlError.ER_USER_LIMIT_REACHED.exception(account.user(), resource, String.valueOf(limit));
            }
            counts.used[kind.ordinal()]++;
        }
    }
}
