package dev.doppel.server.security;

import java.util.Map;

/**
 * An account's resource limits (CREATE/ALTER USER ... WITH MAX_QUERIES_PER_HOUR n, MAX_UPDATES_PER_HOUR n,
 * MAX_CONNECTIONS_PER_HOUR n, MAX_USER_CONNECTIONS n), as mysql.user keeps them; 0 is no limit.
 */
public record ResourceLimits(long queriesPerHour, long updatesPerHour, long connectionsPerHour, long userConnections) {
    public static final ResourceLimits NONE = new ResourceLimits(0, 0, 0, 0);

    /** The statement's option names and the mysql.user columns that keep them. */
    public static final Map<String, String> COLUMNS = Map.of("MAX_QUERIES_PER_HOUR", "max_questions",
            "MAX_UPDATES_PER_HOUR", "max_updates", "MAX_CONNECTIONS_PER_HOUR", "max_connections",
            "MAX_USER_CONNECTIONS", "max_user_connections");
}
