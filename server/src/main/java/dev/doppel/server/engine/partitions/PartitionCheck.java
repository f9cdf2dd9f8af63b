package dev.doppel.server.engine.partitions;

import dev.doppel.plugin.MySqlException;

import java.util.List;
import java.util.Set;

/**
 * The engine's CHECK of a partitioned table calls {@link #check} for every row it writes: a row no partition takes is
 * MySQL's 1526, and a row outside the partitions a statement named ({@code INSERT ... PARTITION (p0)}) is 1748.
 * The engine runs a statement on the session's thread, so the named partitions are the thread's until the
 * statement ends.
 */
public final class PartitionCheck {
    /** The statement's named partitions: the table (its constraint's name) and the numbers it may write. */
    private record Named(String table, Set<Long> numbers) {
    }

    private static final ThreadLocal<Named> NAMED = new ThreadLocal<>();

    private PartitionCheck() {
    }

    /** Registered as PUBLIC.MYSQL_PARTITION_CHECK: true, or MySQL's error. */
    public static Boolean check(Long number, String value, String table) {
        if (number == null || number < 0) {
            throw new MySqlException(1526, "HY000", "Table has no partition for value " + (value == null ? "NULL"
                    : value));
        }
        Named named = NAMED.get();
        if (named != null && named.table().equals(table) && !named.numbers().contains(number)) {
            throw new MySqlException(1748, "HY000", "Found a row not matching the given partition set");
        }
        return Boolean.TRUE;
    }

    /**
     * Lets the running statement write only {@code numbers} of the table whose constraint is {@code constraint}, as
     * its PARTITION (...) says; until {@link #statementEnded}.
     */
    public static void onlyInto(String constraint, List<Long> numbers) {
        NAMED.set(new Named(constraint, Set.copyOf(numbers)));
    }

    /** The statement is over: its named partitions with it. */
    public static void statementEnded() {
        NAMED.remove();
    }

}
