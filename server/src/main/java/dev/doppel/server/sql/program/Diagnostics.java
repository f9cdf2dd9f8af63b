package dev.doppel.server.sql.program;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.program.parse.ProgramStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * GET [CURRENT | STACKED] DIAGNOSTICS: the statement information (NUMBER, ROW_COUNT) and a condition's items. The
 * current diagnostics area is the session's warnings of the last statement; the stacked one, inside a handler, the
 * condition that started the handler.
 */
final class Diagnostics {
    /** Where GET DIAGNOSTICS puts a value. */
    @FunctionalInterface
    interface Target {
        void assign(String target, Object value, Scope scope);
    }

    private record Entry(int number, String sqlState, String message) {
    }

    private Diagnostics() {
    }

    static void get(ProgramStatement.GetDiagnostics statement, MySqlException handled, ProgramHost host, Scope scope,
                    Target target) {
        Session session = host.session();
        List<Entry> area = new ArrayList<>();
        if (statement.stacked()) {
            if (handled == null) {
                throw MySqlError.ER_GET_STACKED_DA_WITHOUT_ACTIVE_HANDLER.exception();
            }
            area.add(new Entry(handled.number(), handled.sqlState(), handled.getMessage()));
        } else {
            for (Session.Warning each : session.warnings()) {
                String state = handled != null && handled.number() == each.code() ? handled.sqlState()
                        : each.level().equals("Error") ? "HY000" : each.code() == 1329 ? "02000" : "01000";
                area.add(new Entry(each.code(), state, each.message()));
            }
        }
        long rowCount = session.writer().rowCount();
        List<Object> values = new ArrayList<>();
        Entry entry = null;
        if (statement.conditionNumber() != null) {
            Object number = host.evaluate(VariableReferences.substitute(statement.conditionNumber(), scope));
            long index = number instanceof Number n ? n.longValue() : -1;
            if (index < 1 || index > area.size()) {
                throw MySqlError.ER_DA_INVALID_CONDITION_NUMBER.exception();
            }
            entry = area.get((int) index - 1);
        }
        for (ProgramStatement.DiagnosticsItem item : statement.items()) {
            values.add(entry == null ? switch (item.item()) {
                case "NUMBER" -> (long) area.size();
                case "ROW_COUNT" -> rowCount;
                default -> null;
            } : conditionItem(entry, item.item()));
        }
        for (int i = 0; i < values.size(); i++) {
            target.assign(statement.items().get(i).target(), values.get(i), scope);
        }
    }

    private static Object conditionItem(Entry entry, String item) {
        return switch (item) {
            case "RETURNED_SQLSTATE" -> entry.sqlState();
            case "MESSAGE_TEXT" -> entry.message();
            case "MYSQL_ERRNO" -> (long) entry.number();
            case "CLASS_ORIGIN", "SUBCLASS_ORIGIN" -> standardClass(entry.sqlState()) ? "ISO 9075" : "MySQL";
            default -> "";
        };
    }

    /** Whether an SQLSTATE's class is one SQL itself defines (MySQL's rule for CLASS_ORIGIN). */
    private static boolean standardClass(String sqlState) {
        char first = sqlState.charAt(0);
        char second = sqlState.charAt(1);
        return (first >= '0' && first <= '4' || first >= 'A' && first <= 'H')
                && (second >= '0' && second <= '9' || second >= 'A' && second <= 'Z');
    }
}
