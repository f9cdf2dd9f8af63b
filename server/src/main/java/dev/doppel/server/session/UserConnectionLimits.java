package dev.doppel.server.session;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.security.Account;

/**
 * The limits on an account's connections, checked when it logs in: MAX_CONNECTIONS_PER_HOUR (1226, instance.AccountUsage),
 * and how many it may have open at once: its own MAX_USER_CONNECTIONS (1226), else the global max_user_connections
 * (1203); 0 is no limit.
 */
final class UserConnectionLimits {
    private UserConnectionLimits() {
    }

    static void check(ServerContext server, Account account) {
        server.accountUsage().connection(account);
        long own = account.limits().userConnections();
        long global = ((Number) server.variables().globalValue("max_user_connections")).longValue();
        long limit = own > 0 ? own : global;
        if (limit <= 0) {
            return;
        }
        long open = 0;
        for (ServerContext.ConnectionInfo each : server.connections()) {
            if (each instanceof ClientConnection connection && connection.session() != null) {
                Account other = connection.session().account();
                open += other.user().equals(account.user()) && other.host().equals(account.host()) ? 1 : 0;
            }
        }
        if (open >= limit) {
            throw own > 0 ? MySqlError.ER_USER_LIMIT_REACHED.exception(account.user(), "max_user_connections",
                    String.valueOf(own)) : MySqlError.ER_TOO_MANY_USER_CONNECTIONS.exception(account.user());
        }
    }
}
