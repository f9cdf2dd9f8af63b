package dev.doppel.server.sql;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import org.h2.api.ErrorCode;

import java.sql.SQLException;

/** Turns the engine's exceptions into MySQL's errors. */
public final class EngineErrors {
    private EngineErrors() {
    }

    public static MySqlException translate(SQLException e, String sql, String schema) {
        return switch (e.getErrorCode()) {
            case ErrorCode.SYNTAX_ERROR_1, ErrorCode.SYNTAX_ERROR_2 -> Lexer.syntaxError(sql, syntaxOffset(e, sql));
            case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1, ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1,
                 ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2 ->
                    MySqlError.ER_NO_SUCH_TABLE.exception(schema == null ? "" : schema, quotedName(e));
            case ErrorCode.SCHEMA_NOT_FOUND_1 -> MySqlError.ER_BAD_DB_ERROR.exception(quotedName(e));
            case ErrorCode.STATEMENT_WAS_CANCELED -> MySqlError.ER_QUERY_INTERRUPTED.exception();
            case ErrorCode.LOCK_TIMEOUT_1 -> MySqlError.ER_LOCK_WAIT_TIMEOUT.exception();
            case ErrorCode.DEADLOCK_1 -> MySqlError.ER_LOCK_DEADLOCK.exception();
            case ErrorCode.INDEX_ALREADY_EXISTS_1 -> MySqlError.ER_DUP_KEYNAME.exception(quotedName(e));
            case ErrorCode.DUPLICATE_KEY_1 -> new MySqlException(1062, "23000", "Duplicate entry for key: "
                    + firstLine(e));
            case ErrorCode.COLUMN_NOT_FOUND_1 -> new MySqlException(1054, "42S22", "Unknown column '"
                    + quotedName(e) + "' in 'field list'");
            case ErrorCode.FUNCTION_NOT_FOUND_1 -> new MySqlException(1305, "42000", "FUNCTION " + quotedName(e)
                    + " does not exist");
            case ErrorCode.NULL_NOT_ALLOWED -> new MySqlException(1048, "23000", "Column '" + quotedName(e)
                    + "' cannot be null");
            case ErrorCode.DIVISION_BY_ZERO_1 -> new MySqlException(1365, "22012", "Division by 0");
            default -> new MySqlException(1105, "HY000", firstLine(e));
        };
    }

    private static int syntaxOffset(SQLException e, String sql) {
        String message = e.getMessage();
        int marker = message.indexOf("[*]");
        if (marker < 0) {
            return 0;
        }
        int quote = message.indexOf('"');
        if (quote < 0 || quote > marker) {
            return 0;
        }
        String before = message.substring(quote + 1, marker);
        int offset = sql.indexOf(before);
        return offset < 0 ? 0 : offset + before.length();
    }

    private static String quotedName(SQLException e) {
        String message = e.getMessage();
        int start = message.indexOf('"');
        int end = start < 0 ? -1 : message.indexOf('"', start + 1);
        return start < 0 || end < 0 ? "" : message.substring(start + 1, end);
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage();
        int end = message.indexOf(';');
        return end < 0 ? message : message.substring(0, end);
    }
}
