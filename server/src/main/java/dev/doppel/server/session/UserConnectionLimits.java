package dev.doppel.server.session;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.security.Account;

/**
 * How many connections one account may have open at once, checked when it logs in: its own MAX_USER_CONNECTIONS
 * (1226), else the global max_user_connections (1203); 0 is no limit.
 */
final class UserConnectionLimits {
    private UserConnectionLimits() {
    }

    static void check(ServerContext server, Account account) {
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
