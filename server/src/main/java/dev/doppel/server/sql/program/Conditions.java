package dev.doppel.server.sql.program;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.program.parse.ProgramStatement.ConditionValue;
import dev.doppel.server.sql.program.parse.ProgramStatement;


/**
 * Conditions as stored programs see them: which handler condition an error matches (MySQL prefers an error number
 * to an SQLSTATE to a class), and what SIGNAL raises when an item is not set (1642, 1643, 1644 by class).
 */
final class Conditions {
    private Conditions() {
    }

    /**
     * How well {@code value} (a named condition already resolved) matches the error: 3 by number, 2 by SQLSTATE,
     * 1 by class (SQLWARNING '01', NOT FOUND '02', SQLEXCEPTION any other), 0 not at all.
     */
    static int match(ConditionValue value, int number, String sqlState) {
        if (value.errorNumber() != 0) {
            return value.errorNumber() == number ? 3 : 0;
        }
        if (value.sqlState() != null) {
            return value.sqlState().equals(sqlState) ? 2 : 0;
        }
        String kind = value.generalClass();
        if (kind == null) {
            return 0;
        }
        String sqlClass = sqlState.substring(0, 2);
        return switch (kind) {
            case "SQLWARNING" -> sqlClass.equals("01") ? 1 : 0;
            case "NOT FOUND" -> sqlClass.equals("02") ? 1 : 0;
            default -> sqlClass.equals("00") || sqlClass.equals("01") || sqlClass.equals("02") ? 0 : 1;
        };
    }

    /** The condition SIGNAL raises for {@code sqlState}, before its SET items: MySQL's defaults by class. */
    static MySqlException signalled(String sqlState, Integer errno, String message) {
        MySqlError fallback = sqlState.startsWith("01") ? MySqlError.ER_SIGNAL_WARN
                : sqlState.startsWith("02") ? MySqlError.ER_SIGNAL_NOT_FOUND : MySqlError.ER_SIGNAL_EXCEPTION;
        return new MySqlException(errno != null ? errno : fallback.number(), sqlState,
                message != null ? message : fallback.template());
    }

    /** Whether a raised condition is only a warning (class '01'): it is noted, and the program goes on. */
    static boolean isWarning(String sqlState) {
        return sqlState.startsWith("01");
    }
}
