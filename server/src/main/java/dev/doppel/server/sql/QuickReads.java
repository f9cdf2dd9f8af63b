package dev.doppel.server.sql;

import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Set;

/**
 * Which engine reads may run on the network thread instead of the session's thread (see
 * CommandDispatcher#canRunInline): a plain SELECT that takes no locks and calls nothing that waits, once it has
 * run quickly before. Handing a statement to another thread and back costs two thread wake-ups, about half the
 * server CPU of a primary-key lookup (sysbench oltp_point_select, measured when session threads were virtual: 31 us
 * per query through the session's thread, 14 us inline). MVStore reads never wait for row locks, so such a
 * statement takes microseconds; the guard against one that does not (a range that happens to cover the whole table
 * this time) is the history: after a few slow runs a statement never runs inline again, so it can hold up the other
 * connections of its network thread a few times at most.
 */
public final class QuickReads {
    /** A run that used more CPU than this (or, on a thread whose CPU clock is not read, took longer) is slow. */
    static final long SLOW_NANOS = 2_000_000;
    /** A run that took longer than this is slow whatever its CPU time: it waited for something. */
    static final long WAITED_NANOS = 50_000_000;
    /** After this many slow runs a statement stays on its session's thread. */
    private static final int SLOW_RUNS_ALLOWED = 3;

    /** Words that make a SELECT wait, lock, write or call out: it always runs on the session's thread. */
    private static final Set<String> NOT_QUICK = Set.of("FOR", "LOCK", "INTO", "SLEEP", "BENCHMARK", "GET_LOCK",
            "RELEASE_LOCK", "IS_FREE_LOCK", "IS_USED_LOCK", "RELEASE_ALL_LOCKS", "INFORMATION_SCHEMA",
            "PERFORMANCE_SCHEMA", "NEXTVAL", "NEXT", "SETVAL", "LAST_INSERT_ID", "FOUND_ROWS", "ROW_COUNT");

    /** startCpu() when the CPU clock is not read. */
    public static final long UNMEASURED = Long.MIN_VALUE;

    private int quickRuns;
    private int slowRuns;
    private boolean measureNext;

    /** Whether the statement is a SELECT that can neither wait nor change anything. */
    public static boolean isPlainSelect(List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("SELECT")) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.kind() == Token.Kind.USER_VARIABLE || each.kind() == Token.Kind.SYSTEM_VARIABLE
                    || each.isSymbol(";") || each.isIdentifier() && NOT_QUICK.contains(each.upper())
                    // t PARTITION (p0): which rows those are changes with ALTER TABLE (a window's PARTITION BY stays)
                    || each.isWord("PARTITION") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
                return false;
            }
        }
        return true;
    }

    /** The statement with its literals left out: text SELECTs of one shape share their history. */
    public static String shape(List<Token> tokens) {
        StringBuilder result = new StringBuilder(64);
        for (Token each : tokens) {
            if (each.kind() == Token.Kind.NUMBER || each.kind() == Token.Kind.STRING) {
                result.append('?');
            } else {
                result.append(each.kind().ordinal()).append(each.text());
            }
            result.append(' ');
        }
        return result.toString();
    }

    /** Whether the statement's history allows the next run on the network thread. */
    public boolean mayRunInline() {
        return quickRuns > 0 && slowRuns < SLOW_RUNS_ALLOWED;
    }

    /**
     * What to pass to {@link #record} as the start's CPU time: the calling thread's CPU time when this run is to be
     * judged by it, {@link #UNMEASURED} otherwise. Reading a thread's CPU clock is a system call that cost a tenth
     * of a point select's server CPU, so it is read only for the run after one whose wall time could not tell.
     */
    public long startCpu() {
        return measureNext && !Thread.currentThread().isVirtual() ? Cpu.THREADS.getCurrentThreadCpuTime() : UNMEASURED;
    }

    /** Records a run that started at {@code startNanos} (System.nanoTime) with {@code startCpu} from startCpu(). */
    public void record(long startNanos, long startCpu) {
        long wall = System.nanoTime() - startNanos;
        boolean slow;
        if (startCpu != UNMEASURED) {
            measureNext = false;
            slow = Cpu.THREADS.getCurrentThreadCpuTime() - startCpu > SLOW_NANOS || wall > WAITED_NANOS;
        } else if (wall > SLOW_NANOS && wall <= WAITED_NANOS && !Thread.currentThread().isVirtual()) {
            // slow, or quick but preempted on a busy machine: the next run's CPU time tells
            measureNext = true;
            return;
        } else {
            slow = wall > SLOW_NANOS;
        }
        if (slow) {
            slowRuns++;
        } else {
            quickRuns++;
        }
    }

    /** Loaded on first use, so that a server that never runs a prepared SELECT does not load java.management. */
    private static final class Cpu {
        static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    }
}
