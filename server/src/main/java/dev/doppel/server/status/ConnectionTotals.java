package dev.doppel.server.status;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The connections each user made from each client host since the server started, as performance_schema's accounts,
 * users and hosts count them in TOTAL_CONNECTIONS: one per session that logged in.
 */
public final class ConnectionTotals {
    /** A user at a client host (the host the connection came from, not the account's host pattern). */
    public record Account(String user, String host) implements Comparable<Account> {
        @Override
        public int compareTo(Account other) {
            int users = user.compareTo(other.user);
            return users != 0 ? users : host.compareTo(other.host);
        }
    }

    private final Map<Account, LongAdder> totals = new ConcurrentHashMap<>();

    public void connected(String user, String host) {
        totals.computeIfAbsent(new Account(user, host), account -> new LongAdder()).increment();
    }

    /** Every account that connected, with its count, sorted. */
    public Map<Account, Long> snapshot() {
        Map<Account, Long> result = new TreeMap<>();
        totals.forEach((account, count) -> result.put(account, count.sum()));
        return result;
    }
}
