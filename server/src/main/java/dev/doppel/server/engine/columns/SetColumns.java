package dev.doppel.server.engine.columns;

import dev.doppel.server.engine.StatementEffects;
import org.h2.api.Trigger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MySQL's SET columns, which the engine keeps as text (sql.ddl.SetDeclaration): every table with one gets this
 * trigger (before INSERT and UPDATE, row by row), which stores a value as MySQL does. Text is a comma-separated list
 * of members, matched without case, stored once each in the definition's order and spelling ({@code 'c,A,a'} is
 * {@code 'a,c'}); a number, or text of digits that names no member, is the members' bits ({@code 5} is
 * {@code 'a,c'}). A member the column does not have is
 * MySQL's 1265 "Data truncated" (an error in strict mode, a warning otherwise, the member left out). The members come
 * from the server's column type registry ({@code set('a','b','c')}).
 */
public final class SetColumns implements Trigger {
    private static final String TRIGGER_PREFIX = "doppel_set_";
    private static final String REGISTRY = "public.doppel_column_types";

    /** The rows of the running statement, counted for 1265's "at row N". */
    private record Rows(StatementEffects.Listener statement, long[] count) {
    }

    private static final ThreadLocal<Rows> ROWS = new ThreadLocal<>();

    private int[] columns;
    private String[] names;
    private List<List<String>> members;

    /** Creates, renews or drops the trigger of a table after DDL that may have changed its SET columns. */
    public static void refresh(Connection connection, String schema, String table) throws SQLException {
        drop(connection, schema, table);
        if (!setColumns(connection, schema, table).isEmpty()) {
            ColumnTriggers.create(connection, schema, table, TRIGGER_PREFIX, SetColumns.class);
        }
    }

    /** Drops the trigger of a table, if it has one, and tells whether it had (see {@link ColumnTriggers}). */
    public static boolean drop(Connection connection, String schema, String table) throws SQLException {
        return ColumnTriggers.drop(connection, schema, table, SetColumns.class);
    }

    /** The table's SET columns: name → declared type, in the table's order. */
    private static List<String[]> setColumns(Connection connection, String schema, String table) throws SQLException {
        List<String[]> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT c.COLUMN_NAME, r.COLUMN_TYPE,"
                + " c.ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS c JOIN " + REGISTRY + " r"
                + " ON r.TABLE_SCHEMA = LOWER(c.TABLE_SCHEMA) AND r.TABLE_NAME = LOWER(c.TABLE_NAME)"
                + " AND r.COLUMN_NAME = LOWER(c.COLUMN_NAME) WHERE LOWER(c.TABLE_SCHEMA) = LOWER(?)"
                + " AND LOWER(c.TABLE_NAME) = LOWER(?) AND r.COLUMN_TYPE LIKE 'set(%' ORDER BY c.ORDINAL_POSITION")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
        }
        return result;
    }

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
                     int type) throws SQLException {
        List<String[]> found = setColumns(connection, schemaName, tableName);
        columns = new int[found.size()];
        names = new String[found.size()];
        members = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            names[i] = found.get(i)[0];
            columns[i] = Integer.parseInt(found.get(i)[2]) - 1;
            members.add(SetMembers.of(found.get(i)[1]));
        }
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
        long row = nextRow();
        for (int i = 0; i < columns.length; i++) {
            Object value = newRow[columns[i]];
            if (value == null) {
                continue;
            }
            List<String> of = members.get(i);
            String stored = value instanceof Number number ? fromBits(of, number, names[i], row)
                    : fromText(of, value.toString(), names[i], row);
            newRow[columns[i]] = stored;
        }
    }

    private static long nextRow() {
        StatementEffects.Listener statement = StatementEffects.current();
        Rows rows = ROWS.get();
        if (rows == null || rows.statement() != statement) {
            rows = new Rows(statement, new long[1]);
            ROWS.set(rows);
        }
        return ++rows.count()[0];
    }

    private static String fromText(List<String> of, String text, String column, long row) {
        boolean[] chosen = new boolean[of.size()];
        boolean truncated = false;
        if (!text.isEmpty()) {
            for (String each : text.split(",", -1)) {
                int at = SetMembers.indexOf(of, each);
                if (at < 0) {
                    truncated = true;
                } else {
                    chosen[at] = true;
                }
            }
        }
        if (truncated && SetMembers.join(of, chosen).isEmpty() && text.length() < 22
                && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            // as MySQL reads a value that names no member at all: a number, whose bits are the members
            return fromBits(of, new BigDecimal(text), column, row);
        }
        if (truncated) {
            StatementEffects.dataTruncated(column, row);
        }
        return SetMembers.join(of, chosen);
    }

    private static String fromBits(List<String> of, Number number, String column, long row) {
        BigDecimal value = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
        long bits = value.longValue();
        boolean[] chosen = new boolean[of.size()];
        for (int i = 0; i < of.size(); i++) {
            chosen[i] = (bits >>> i & 1) == 1;
        }
        if (value.signum() < 0 || (of.size() < 64 && bits >>> of.size() != 0)) {
            StatementEffects.dataTruncated(column, row);
        }
        return SetMembers.join(of, chosen);
    }
}
