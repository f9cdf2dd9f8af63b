package dev.doppel.server.sql.files;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.protocol.Capabilities;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.QueryExecutor;
import dev.doppel.server.sql.access.NoDatabase;
import dev.doppel.server.sql.access.TableAccess;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineSql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The statements that move rows between the engine and files on the server: SELECT ... INTO OUTFILE / DUMPFILE
 * ({@link SelectIntoFile}) and LOAD DATA INFILE ({@link LoadData}), under the FILE privilege and secure_file_priv
 * ({@link SecureFiles}).
 */
public final class FileStatements {
    private final Session session;
    private final QueryExecutor executor;

    public FileStatements(Session session, QueryExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    /** SELECT ... INTO OUTFILE / DUMPFILE: the rows go to a new file on the server; the client gets their count. */
    public void intoFile(SelectIntoFile intoFile, int moreFlag) {
        Path path = SecureFiles.forWriting(intoFile.file, session);
        String query = intoFile.query();
        List<Token> queryTokens = Lexer.tokenize(query);
        NoDatabase.check(queryTokens, session);
        TableAccess.check(queryTokens, session);
        long written;
        try {
            Connection connection = session.engineConnection();
            executor.syncEngineConnection(connection, query, queryTokens);
            try (Statement statement = connection.createStatement()) {
                session.running(statement);
                try (ResultSet rows = statement.executeQuery(EngineSql.rewrite(query, queryTokens, session))) {
                    written = intoFile.write(rows, path);
                } catch (RuntimeException | SQLException e) {
                    deleteQuietly(path); // as mysqld: no half-written file stays
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw executor.translate(e, query);
        } finally {
            session.running(null);
            executor.liftStatementTimeout();
        }
        executor.ok(written, moreFlag);
    }

    /** LOAD DATA INFILE: the file's rows become one INSERT, REPLACE or INSERT IGNORE, checked and run as any. */
    public void loadData(String sql, List<Token> tokens, int moreFlag) {
        LoadData load = LoadData.parse(sql, tokens);
        if (load.local && (!Boolean.TRUE.equals(session.server().variables().globalValue("local_infile"))
                || !Capabilities.has(session.capabilities(), Capabilities.CLIENT_LOCAL_FILES))) {
            throw MySqlError.ER_CLIENT_LOCAL_FILES_DISABLED.exception();
        }
        // a file on the server needs FILE and secure_file_priv; one the client sends, only the table's privileges
        Path path = load.local ? null : SecureFiles.forLoading(load.file, session);
        List<Token> target = Lexer.tokenize(load.verb + " INTO " + load.table + " VALUES (NULL)");
        NoDatabase.check(target, session);
        TableAccess.check(target, session);
        List<List<String>> rows;
        int width;
        try {
            byte[] data = load.local ? clientFile(load.file) : Files.readAllBytes(path);
            rows = load.rows(dev.doppel.server.protocol.ClientText.decode(data, StandardCharsets.UTF_8));
            width = load.columns.isEmpty() ? columnCount(load.table) : load.columns.size();
        } catch (IOException e) {
            throw MySqlError.ER_ERROR_ON_READ.exception(path.toString(), 5, e.getMessage());
        } catch (SQLException e) {
            throw executor.translate(e, sql);
        }
        if (rows.isEmpty()) {
            executor.ok(0, moreFlag);
            return;
        }
        String insert = load.insert(rows, width, (warning, row) -> session.addWarning("Warning", warning.number(),
                warning.message(row)));
        executor.engine(insert, Lexer.tokenize(insert), moreFlag);
    }

    /**
     * LOAD DATA LOCAL: the client sends the file. It is held in memory until its rows are inserted, so it may be at
     * most a quarter of the heap (1041 beyond).
     */
    private byte[] clientFile(String file) {
        long timeout = ((Number) session.variables().value("net_read_timeout")).longValue();
        return session.connection().requestFile(session.writer(), file.getBytes(session.clientCharset()), timeout,
                Runtime.getRuntime().maxMemory() / 4);
    }

    private int columnCount(String table) throws SQLException {
        try (Statement statement = session.engineConnection().createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " WHERE FALSE")) {
            return rows.getMetaData().getColumnCount();
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the file stays; the statement's error says what failed
        }
    }
}
