package dev.doppel.server.instance;

import dev.doppel.server.status.ConnectionTotals;
import dev.doppel.server.status.DigestSummaries;
import dev.doppel.server.status.StatementCounters;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Server-wide status variables (SHOW GLOBAL STATUS) that the server itself counts. */
public final class StatusCounters {
    public final LongAdder connections = new LongAdder();
    public final LongAdder abortedConnects = new LongAdder();
    public final LongAdder abortedClients = new LongAdder();
    public final LongAdder questions = new LongAdder();
    public final LongAdder bytesReceived = new LongAdder();
    public final LongAdder bytesSent = new LongAdder();
    public final LongAdder connectionErrorsMaxConnections = new LongAdder();
    private final StatementCounters statements = new StatementCounters();
    private final DigestSummaries digests = new DigestSummaries();
    private final dev.doppel.server.status.StatementEvents statementEvents = new dev.doppel.server.status.StatementEvents();
    private final ConnectionTotals accounts = new ConnectionTotals();
    public final AtomicLong maxUsedConnections = new AtomicLong();
    private final long startMillis = System.currentTimeMillis();

    /** Com_* and Queries. */
    public StatementCounters statements() {
        return statements;
    }

    /** performance_schema.events_statements_summary_by_digest. */
    public dev.doppel.server.status.StatementEvents statementEvents() {
        return statementEvents;
    }

    public DigestSummaries digests() {
        return digests;
    }

    /** The connections each user made from each client host (performance_schema.accounts, users, hosts). */
    public ConnectionTotals accounts() {
        return accounts;
    }

    public long uptimeSeconds() {
        return (System.currentTimeMillis() - startMillis) / 1000;
    }

    /** Name → value of the global counters, given the number of open connections. */
    public Map<String, String> snapshot(int threadsConnected, int threadsRunning) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("Aborted_clients", abortedClients.toString());
        result.put("Aborted_connects", abortedConnects.toString());
        result.put("Bytes_received", bytesReceived.toString());
        result.put("Bytes_sent", bytesSent.toString());
        result.put("Connection_errors_max_connections", connectionErrorsMaxConnections.toString());
        result.put("Connections", connections.toString());
        result.put("Max_used_connections", Long.toString(maxUsedConnections.get()));
        result.put("Questions", questions.toString());
        result.put("Threads_connected", Integer.toString(threadsConnected));
        result.put("Threads_running", Integer.toString(threadsRunning));
        result.put("Uptime", Long.toString(uptimeSeconds()));
        return result;
    }
}
