package dev.doppel.server.catalog;

import dev.doppel.plugin.VirtualTable;
import org.h2.tools.SimpleResultSet;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The engine's table function that serves a {@link VirtualTable}: {@code DOPPEL_VIRTUAL_TABLE('schema', 'name')}. */
public final class VirtualTableFunction {
    private static final Pattern SIZED = Pattern.compile("([A-Z ]+?)\\s*(?:\\((\\d+)(?:,\\s*(\\d+))?\\))?( UNSIGNED)?");

    /** The engine connection of the statement reading a table, for row suppliers that read the engine's catalog. */
    private static final ThreadLocal<Connection> READING = new ThreadLocal<>();

    private VirtualTableFunction() {
    }

    /** The connection of the statement whose rows are being produced on this thread. */
    public static Connection readingConnection() {
        return READING.get();
    }

    /** Registers the function in the engine. */
    public static String createAliasStatement() {
        return "CREATE ALIAS IF NOT EXISTS " + VirtualTables.FUNCTION + " FOR \"" + VirtualTableFunction.class.getName()
                + ".rows\"";
    }

    /** Called by the engine, once for the column list and once for the rows. */
    public static ResultSet rows(Connection connection, String schema, String name) throws SQLException {
        Optional<VirtualTable> table = VirtualTables.current().find(schema, name);
        if (table.isEmpty()) {
            throw new SQLException("Table '" + schema + "." + name + "' doesn't exist", "42S02", 1146);
        }
        SimpleResultSet result = new SimpleResultSet();
        for (VirtualTable.Column each : table.get().columns()) {
            addColumn(result, each);
        }
        if (connection.getMetaData().getURL().equals("jdbc:columnlist:connection")) {
            return result;
        }
        List<Object[]> rows;
        READING.set(connection);
        try {
            rows = table.get().rows().get();
        } finally {
            READING.remove();
        }
        for (Object[] each : rows) {
            result.addRow(each);
        }
        return result;
    }

    /** Whether a column is served as text (and compared without regard to case). */
    static boolean isText(VirtualTable.Column column) {
        Matcher type = SIZED.matcher(column.sqlType().toUpperCase(Locale.ROOT).trim());
        if (!type.matches()) {
            return true;
        }
        return switch (type.group(1).trim()) {
            case "BIGINT", "INT", "INTEGER", "DECIMAL", "TIMESTAMP", "DATETIME", "DOUBLE" -> false;
            default -> true;
        };
    }

    private static void addColumn(SimpleResultSet result, VirtualTable.Column column) {
        Matcher type = SIZED.matcher(column.sqlType().toUpperCase(Locale.ROOT).trim());
        if (!type.matches()) {
            result.addColumn(column.name(), Types.VARCHAR, 65535, 0);
            return;
        }
        String base = type.group(1).trim();
        int size = type.group(2) == null ? 0 : Integer.parseInt(type.group(2));
        int scale = type.group(3) == null ? 0 : Integer.parseInt(type.group(3));
        switch (base) {
            case "BIGINT" -> result.addColumn(column.name(), Types.BIGINT, 20, 0);
            case "INT", "INTEGER" -> result.addColumn(column.name(), Types.INTEGER, 11, 0);
            case "DECIMAL" -> result.addColumn(column.name(), Types.DECIMAL, size, scale);
            case "TIMESTAMP", "DATETIME" -> result.addColumn(column.name(), Types.TIMESTAMP, 26, size);
            case "DOUBLE" -> result.addColumn(column.name(), Types.DOUBLE, 22, 0);
            default -> result.addColumn(column.name(), Types.VARCHAR, size == 0 ? 65535 : size, 0);
        }
    }
}
