package dev.doppel.server.instance;

import dev.doppel.server.catalog.InformationSchemaTables;
import dev.doppel.server.security.Account;
import dev.doppel.server.session.ClientConnection;
import dev.doppel.server.session.Session;
import org.h2.jdbc.JdbcConnection;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the session reading an information_schema table from the engine connection the table function was
 * called on, and answers what its account may see. A reader that is no client session (the server's own
 * connection) sees everything.
 */
final class CatalogViewers implements Function<Connection, InformationSchemaTables.Viewer> {
    private final ServerContext context;

    CatalogViewers(ServerContext context) {
        this.context = context;
    }

    @Override
    public InformationSchemaTables.Viewer apply(Connection connection) {
        return new SessionViewer(sessionReading(connection));
    }

    /** The client session whose statement reads through {@code connection}, or null for the server's own. */
    Session sessionReading(Connection connection) {
        Object engineSession = engineSessionOf(connection);
        for (ServerContext.ConnectionInfo each : context.connections()) {
            if (each instanceof ClientConnection client && client.session() != null) {
                Connection open = client.session().openEngineConnection();
                if (engineSessionOf(open) == engineSession && engineSession != null) {
                    return client.session();
                }
            }
        }
        return null;
    }

    /** The client sessions open now that {@code reader} may see: all with PROCESS, else its account's own. */
    List<Session> visibleSessions(Session reader) {
        List<Session> result = new ArrayList<>();
        boolean seeAll = reader == null || reader.account().hasGlobalPrivilege("PROCESS");
        for (ServerContext.ConnectionInfo each : context.connections()) {
            if (each instanceof ClientConnection client && client.session() != null
                    && (seeAll || client.session().user().equals(reader.user()))) {
                result.add(client.session());
            }
        }
        return result;
    }

    /** The user and client host of every client session open now. */
    List<dev.doppel.server.status.ConnectionTotals.Account> openAccounts() {
        List<dev.doppel.server.status.ConnectionTotals.Account> result = new ArrayList<>();
        for (ServerContext.ConnectionInfo each : context.connections()) {
            if (each instanceof ClientConnection client && client.session() != null) {
                result.add(new dev.doppel.server.status.ConnectionTotals.Account(client.session().user(),
                        client.session().host()));
            }
        }
        return result;
    }

    /** The engine session behind a connection, gated (see the engine's GatedConnections) or not. */
    private static Object engineSessionOf(Connection connection) {
        try {
            return connection != null && connection.isWrapperFor(JdbcConnection.class)
                    ? connection.unwrap(JdbcConnection.class).getSession() : null;
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    private final class SessionViewer implements InformationSchemaTables.Viewer {
        private final Session session;

        SessionViewer(Session session) {
            this.session = session;
        }

        @Override
        public boolean canSee(String schema) {
            return session == null || session.privileges().canUseDatabase(schema);
        }

        @Override
        public boolean canSeeTable(String schema, String table) {
            return session == null || session.privileges().canSeeTable(schema, table);
        }

        @Override
        public boolean canReadViewDefinition(String schema, String view, String definer) {
            if (session == null || definer.equals(session.account().user() + "@" + session.account().host())) {
                return true;
            }
            return session.privileges().hasOnTable("SHOW VIEW", schema, view)
                    && session.privileges().hasOnTable("SELECT", schema, view);
        }

        @Override
        public String grantee() {
            return session == null ? "'root'@'localhost'" : session.account().quoted();
        }

        @Override
        public List<String[]> globalPrivileges() {
            List<String[]> result = new ArrayList<>();
            if (session == null) {
                return result;
            }
            Account account = session.account();
            String grantable = account.hasGlobalPrivilege("GRANT OPTION") ? "YES" : "NO";
            for (String each : account.globalPrivileges()) {
                if (!each.equals("GRANT OPTION")) {
                    result.add(new String[] {each, grantable});
                }
            }
            if (result.isEmpty()) {
                result.add(new String[] {"USAGE", "NO"});
            }
            return result;
        }

        @Override
        public List<String[]> schemaPrivileges() {
            List<String[]> result = new ArrayList<>();
            if (session == null) {
                return result;
            }
            for (Map.Entry<String, Set<String>> database : session.account().databasePrivileges().entrySet()) {
                String grantable = database.getValue().contains("GRANT OPTION") ? "YES" : "NO";
                for (String each : database.getValue()) {
                    if (!each.equals("GRANT OPTION")) {
                        result.add(new String[] {database.getKey(), each, grantable});
                    }
                }
            }
            return result;
        }

        @Override
        public List<String[]> tablePrivileges() {
            List<String[]> result = new ArrayList<>();
            if (session == null) {
                return result;
            }
            for (Map.Entry<Account.TableName, Set<String>> table : session.account().tablePrivileges().entrySet()) {
                String grantable = table.getValue().contains("GRANT OPTION") ? "YES" : "NO";
                for (String each : table.getValue()) {
                    if (!each.equals("GRANT OPTION")) {
                        result.add(new String[] {table.getKey().database(), table.getKey().table(), each, grantable});
                    }
                }
            }
            return result;
        }

        @Override
        public List<Object[]> processList() {
            List<Object[]> result = new ArrayList<>();
            boolean seeAll = session == null || session.account().hasGlobalPrivilege("PROCESS");
            for (ServerContext.ConnectionInfo each : context.connections()) {
                if (!(each instanceof ClientConnection client) || client.session() == null) {
                    continue;
                }
                Session other = client.session();
                if (!seeAll && !other.user().equals(session.user())) {
                    continue;
                }
                String transport = client.unixSocket() ? "Socket" : client.secure() ? "SSL/TLS" : "TCP/IP";
                result.add(new Object[] {other.id(), other.user(), other.host(), other.schema(), other.command(),
                        (int) other.commandSeconds(), other.command().equals("Sleep") ? "" : "executing", other.info(),
                        transport});
            }
            return result;
        }
    }
}
