package dev.doppel.server.status;

/** The statement counters of one session (SHOW SESSION STATUS), written and read on its own thread. */
public final class SessionStatus {
    final long[] com = new long[ComNames.NAMES.size()];
    long queries;
    long slowQueries;

    /** The session's count of Com_{@code name}, one of {@link ComNames#NAMES}. */
    public long com(String name) {
        return com[ComNames.index(name)];
    }

    public long queries() {
        return queries;
    }

    public long slowQueries() {
        return slowQueries;
    }

    /** FLUSH STATUS: the session's counters start again from 0. */
    public void reset() {
        java.util.Arrays.fill(com, 0);
        queries = 0;
        slowQueries = 0;
    }
}
