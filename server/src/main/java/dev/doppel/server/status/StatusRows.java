package dev.doppel.server.status;

import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.session.Session;

import java.util.Map;
import java.util.TreeMap;

/**
 * The status variables as SHOW [GLOBAL | SESSION] STATUS and performance_schema's global_status and session_status
 * show them: the server's counters, the engine's syncs, the plugins' variables, and the statement counters of the
 * server or of the session.
 */
public final class StatusRows {
    private StatusRows() {
    }

    /** Name → value, sorted by name; {@code global} for the server's counts, else {@code session}'s. */
    public static Map<String, String> of(Session session, boolean global) {
        ServerContext server = session.server();
        Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        values.putAll(server.status().snapshot(server.connectionCount(), 1));
        values.put("Innodb_os_log_fsyncs", Long.toString(server.engine().syncs()));
        server.plugins().statusVariables().forEach((name, value) -> values.put(name, value == null ? "" : value.toString()));
        io.netty.channel.Channel channel = session.connection() == null ? null : session.connection().channel();
        String[] tls = dev.doppel.server.net.TrafficCounter.tls(channel);
        values.put("Ssl_cipher", tls[0]);
        values.put("Ssl_version", tls[1]);
        if (!global) {
            long[] traffic = dev.doppel.server.net.TrafficCounter.of(channel);
            values.put("Bytes_received", Long.toString(traffic[0]));
            values.put("Bytes_sent", Long.toString(traffic[1]));
        }
        StatementCounters statements = server.status().statements();
        for (String each : ComNames.NAMES) {
            values.put("Com_" + each, Long.toString(global ? statements.com(each) : session.status().com(each)));
        }
        values.put("Queries", Long.toString(global ? statements.queries() : session.status().queries()));
        values.put("Performance_schema_digest_lost", Long.toString(server.status().digests().lost()));
        values.put("Slow_queries", Long.toString(global ? statements.slowQueries() : session.status().slowQueries()));
        return values;
    }
}
