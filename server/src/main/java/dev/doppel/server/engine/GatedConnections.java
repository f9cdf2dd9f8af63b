package dev.doppel.server.engine;

import dev.doppel.server.engine.store.CommitGate;
import dev.doppel.server.engine.store.CommitLogging;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;

/**
 * Engine connections whose writes and commits run through the {@link CommitGate}, so that no store version is taken
 * while a statement is half-way through its writes or a transaction half-way through its commit (docs/durability.md).
 * Every connection the engine hands out is one of these, so no path to the engine can forget the gate: statements
 * that may write (anything but a plain SELECT), commits, rollbacks and the autocommit switch (it commits) apply
 * through the gate; reads run freely, and so do calls that only set or read state.
 *
 * <p>Every commit also tells the redo log first ({@link CommitLogging}), while the transaction's changes can still be
 * read: an explicit commit, the autocommit switch, and a writing statement in autocommit mode, which the engine would
 * commit inside the statement; that one runs with the engine's autocommit off and is committed here after it.
 */
final class GatedConnections {
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");
    /** Connection calls that change the store without committing (commits are {@link #COMMITTING}). */
    private static final Set<String> CONNECTION_WRITES = Set.of("rollback", "releaseSavepoint");
    private static final Set<String> STATEMENT_MAKERS = Set.of("createStatement", "prepareStatement", "prepareCall");
    private static final Set<String> COMMITTING = Set.of("commit", "setAutoCommit");

    private GatedConnections() {
    }

    static Connection wrap(Connection connection, CommitGate gate, CommitLogging logging) {
        return (Connection) Proxy.newProxyInstance(GatedConnections.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionHandler(connection, gate, logging));
    }

    /** The engine's own connection behind {@code connection}, gated or not. */
    static Connection physical(Connection connection) {
        if (Proxy.isProxyClass(connection.getClass())
                && Proxy.getInvocationHandler(connection) instanceof ConnectionHandler handler) {
            return handler.connection;
        }
        return connection;
    }

    /** Whether a statement of this text may write: anything but a plain SELECT (SELECT ... FOR UPDATE locks rows). */
    static boolean mayWrite(String sql) {
        if (sql == null) {
            return true;
        }
        int start = 0;
        while (start < sql.length() && (Character.isWhitespace(sql.charAt(start)) || sql.charAt(start) == '(')) {
            start++;
        }
        if (!sql.regionMatches(true, start, "SELECT", 0, 6)) {
            return true;
        }
        // every text statement passes here: no copy of its text
        return containsIgnoringCase(sql, " FOR UPDATE") || containsIgnoringCase(sql, " FOR SHARE")
                || containsIgnoringCase(sql, "NEXT VALUE FOR") || containsIgnoringCase(sql, "NEXTVAL");
    }

    private static boolean containsIgnoringCase(String text, String word) {
        for (int at = 0; at + word.length() <= text.length(); at++) {
            if (text.regionMatches(true, at, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> IDENTITY = Set.of("unwrap", "isWrapperFor", "equals", "hashCode", "toString");

    /** A proxy is itself (equals, hashCode) and unwraps to the engine's object behind it. */
    private static Object identity(Object proxy, Object target, Method method, Object[] args) throws Throwable {
        return switch (method.getName()) {
            case "unwrap" -> ((Class<?>) args[0]).isInstance(target) ? target : call(target, method, args);
            case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(target) || (boolean) call(target, method, args);
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "gated " + target;
        };
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection connection;
        private final CommitGate gate;
        private final CommitLogging logging;
        private final SessionLocal session;

        ConnectionHandler(Connection connection, CommitGate gate, CommitLogging logging) {
            this.connection = connection;
            this.gate = gate;
            this.logging = logging;
            this.session = (SessionLocal) ((JdbcConnection) connection).getSession();
        }

        /** A commit of the engine's transaction, told to the log first; inside the gate. */
        private Object committing(Method method, Object[] args) throws Throwable {
            if (method.getName().equals("commit") || (boolean) args[0] && !connection.getAutoCommit()) {
                logging.beforeCommit(session);
            }
            return call(connection, method, args);
        }

        /** A statement that may write: in autocommit mode, run as a transaction of its own and committed here. */
        private Object writing(Object statement, Method method, Object[] args, String sql) throws Throwable {
            logging.statement(sql);
            if (!connection.getAutoCommit()) {
                return call(statement, method, args);
            }
            connection.setAutoCommit(false);
            try {
                Object result = call(statement, method, args);
                logging.beforeCommit(session);
                connection.setAutoCommit(true);
                return result;
            } catch (Throwable failure) {
                // the statement or its commit failed: the engine's autocommit comes back on either way, or the session
                // would stay in a transaction
                try {
                    if (!connection.getAutoCommit()) {
                        connection.rollback();
                    }
                } finally {
                    connection.setAutoCommit(true);
                }
                throw failure;
            }
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (IDENTITY.contains(name)) {
                return identity(proxy, connection, method, args);
            }
            if (COMMITTING.contains(name)) {
                return gate.applying(() -> committing(method, args));
            }
            if (CONNECTION_WRITES.contains(name)) {
                return gate.applying(() -> call(connection, method, args));
            }
            Object result = call(connection, method, args);
            if (STATEMENT_MAKERS.contains(name) && result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                return wrapStatement(statement, (Connection) proxy, sql);
            }
            return result;
        }

        private Statement wrapStatement(Statement statement, Connection owner, String preparedSql) {
            Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return (Statement) Proxy.newProxyInstance(GatedConnections.class.getClassLoader(), new Class<?>[] {type},
                    new StatementHandler(statement, owner, preparedSql, this));
        }
    }

    private static final class StatementHandler implements InvocationHandler {
        private final Statement statement;
        private final Connection owner;
        private final String preparedSql;
        private final boolean preparedMayWrite;
        private final ConnectionHandler connection;

        StatementHandler(Statement statement, Connection owner, String preparedSql, ConnectionHandler connection) {
            this.statement = statement;
            this.owner = owner;
            this.preparedSql = preparedSql;
            this.preparedMayWrite = preparedSql == null || mayWrite(preparedSql);
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("getConnection")) {
                return owner;
            }
            if (IDENTITY.contains(name)) {
                return identity(proxy, statement, method, args);
            }
            if (EXECUTES.contains(name)) {
                boolean textGiven = args != null && args.length > 0 && args[0] instanceof String;
                String sql = textGiven ? (String) args[0] : preparedSql;
                boolean writes = textGiven ? mayWrite(sql) : preparedMayWrite || name.endsWith("Batch");
                if (writes) {
                    return connection.gate.applying(() -> connection.writing(statement, method, args, sql));
                }
            }
            return call(statement, method, args);
        }
    }
}
