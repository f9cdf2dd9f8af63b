package dev.doppel.server.sql.dml;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineSql;
import org.h2.api.ErrorCode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT IGNORE ... VALUES (...), (...): MySQL skips the rows that would duplicate a key and leaves a 1062
 * warning for each. The engine skips them silently, so the rows are inserted one at a time here and each
 * duplicate becomes a warning. The statement stays whole (StatementAtomicity): any other error undoes every row.
 */
public final class InsertIgnore {
    /** What the statement did: rows inserted and the first generated AUTO_INCREMENT value (0 when none). */
    public record Result(long inserted, long insertId) {
    }

    private InsertIgnore() {
    }

    public static boolean matches(List<Token> tokens) {
        if (tokens.size() < 4 || !tokens.get(0).isWord("INSERT")) {
            return false;
        }
        boolean ignore = false;
        int depth = 0;
        for (Token each : tokens) {
            if (each.isSymbol("(")) {
                depth++;
            } else if (each.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (each.isWord("SELECT") || each.isWord("DUPLICATE") || each.isWord("SET"))) {
                return false;
            } else if (depth == 0 && each.isWord("IGNORE")) {
                ignore = true;
            }
        }
        return ignore && values(tokens) > 0;
    }

    public static Result execute(String sql, List<Token> tokens, Session session) throws SQLException {
        int valuesIndex = values(tokens);
        StringBuilder prefix = new StringBuilder();
        int position = 0;
        for (int i = 0; i <= valuesIndex; i++) {
            Token token = tokens.get(i);
            // LOW_PRIORITY and HIGH_PRIORITY go too: InnoDB ignores them, the engine refuses them
            if (token.isWord("IGNORE") || token.isWord("LOW_PRIORITY") || token.isWord("HIGH_PRIORITY")) {
                prefix.append(sql, position, token.start());
                position = token.end();
            }
        }
        prefix.append(sql, position, tokens.get(valuesIndex).end()).append(' ');
        List<String> rows = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = valuesIndex + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(") && depth++ == 0) {
                start = token.start();
            } else if (token.isSymbol(")") && --depth == 0) {
                rows.add(sql.substring(start, token.end()));
            }
        }
        Connection connection = session.engineConnection();
        return StatementAtomicity.run(connection, () -> {
            long inserted = 0;
            long insertId = 0;
            try (Statement statement = connection.createStatement()) {
                for (String row : rows) {
                    String rowSql = prefix + row;
                    List<Token> rowTokens = Lexer.tokenize(rowSql);
                    try {
                        statement.execute(EngineSql.rewrite(rowSql, rowTokens, session), Statement.RETURN_GENERATED_KEYS);
                    } catch (SQLException e) {
                        if (e.getErrorCode() != ErrorCode.DUPLICATE_KEY_1) {
                            throw e;
                        }
                        MySqlException duplicate = EngineErrors.translate(e, rowSql, session.schema(), connection);
                        session.addWarning("Warning", duplicate.number(), duplicate.getMessage());
                        continue;
                    }
                    inserted += Math.max(0, statement.getUpdateCount());
                    try (ResultSet keys = statement.getGeneratedKeys()) {
                        if (insertId == 0 && keys.next()) {
                            insertId = AutoIncrementValue.generated(keys, rowTokens, session);
                        }
                    }
                }
            }
            return new Result(inserted, insertId);
        });
    }

    /** The index of the top-level VALUES keyword, or -1. */
    private static int values(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (tokens.get(i).isWord("VALUES") || tokens.get(i).isWord("VALUE")) {
                return i;
            }
            if (tokens.get(i).isSymbol("(") && i > 0 && !tokens.get(i - 1).isIdentifier()) {
                return -1;
            }
        }
        return -1;
    }
}
