package dev.doppel.server.sql.dml;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EnginePipeline;
import org.h2.api.ErrorCode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-table UPDATE IGNORE: MySQL leaves a row that would duplicate a key as it was, with a 1062 warning, and
 * updates the others. The engine has no such form, so the rows the statement matches (its WHERE, ORDER BY and LIMIT)
 * are listed first and updated one at a time, each behind a savepoint: a duplicate takes back that row only. The
 * statement stays whole (StatementAtomicity): any other error undoes every row.
 */
public final class UpdateIgnore {
    /** Rows matched, and those of them that kept their values. */
    public record Result(long matched, long unchanged) {
    }

    private UpdateIgnore() {
    }

    public static boolean matches(List<Token> tokens) {
        if (tokens.size() < 4 || !tokens.get(0).isWord("UPDATE")) {
            return false;
        }
        for (int i = 1; i < tokens.size() && (tokens.get(i).isWord("LOW_PRIORITY") || tokens.get(i).isWord("IGNORE")); i++) {
            if (tokens.get(i).isWord("IGNORE")) {
                return DmlClauses.parse(tokens) != null;
            }
        }
        return false;
    }

    public static Result execute(String sql, List<Token> tokens, Session session) throws SQLException {
        DmlClauses clauses = DmlClauses.parse(tokens);
        String ref = text(sql, tokens, clauses.refStart(), clauses.refEnd());
        // the rows' identity, through the alias when the table has one (the last word of the reference either way)
        String rowId = quoted(tokens.get(clauses.refEnd() - 1).text()) + "._ROWID_";
        int assignmentsEnd = clauses.endOf(clauses.set());
        String assignments = text(sql, tokens, clauses.set() + 1, assignmentsEnd);
        String where = clauses.where() < 0 ? "" : " " + text(sql, tokens, clauses.where(), clauses.endOf(clauses.where()));
        String order = clauses.orderBy() < 0 ? "" : " " + text(sql, tokens, clauses.orderBy(), clauses.endOf(clauses.orderBy()));
        String limit = clauses.limit() < 0 ? "" : " " + text(sql, tokens, clauses.limit(), clauses.endOf(clauses.limit()));
        Connection connection = session.engineConnection();
        List<Long> rows = new ArrayList<>();
        try (Statement select = connection.createStatement();
                ResultSet ids = select.executeQuery(engineSql("SELECT " + rowId + " FROM " + ref + where + order + limit,
                        session))) {
            while (ids.next()) {
                rows.add(ids.getLong(1));
            }
        }
        return StatementAtomicity.run(connection, () -> {
            long unchanged = 0;
            try (Statement update = connection.createStatement()) {
                for (long each : rows) {
                    String rowSql = "UPDATE " + ref + " SET " + assignments + " WHERE " + rowId + " = " + each;
                    SqlText row = SqlText.of(rowSql);
                    unchanged += ChangedRows.unchanged(session, rowSql, row.tokens());
                    Savepoint before = connection.setSavepoint();
                    try {
                        update.executeUpdate(EnginePipeline.engineSql(row, session));
                    } catch (SQLException e) {
                        if (e.getErrorCode() != ErrorCode.DUPLICATE_KEY_1) {
                            throw e;
                        }
                        connection.rollback(before);
                        MySqlException duplicate = EngineErrors.translate(e, rowSql, session.schema(), connection);
                        session.addWarning("Warning", duplicate.number(), duplicate.getMessage());
                        unchanged++;
                    }
                }
            }
            return new Result(rows.size(), unchanged);
        });
    }

    private static String engineSql(String mysql, Session session) {
        return EnginePipeline.engineSql(SqlText.of(mysql), session);
    }

    private static String text(String sql, List<Token> tokens, int from, int to) {
        return sql.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
