package dev.doppel.server.sql.ddl;

import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.KeyNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** After a table is renamed, its indexes and constraints named {@code <old table>.<name>} move to the new prefix. */
public final class RenamedTableKeys {
    private RenamedTableKeys() {
    }

    /** {@code schema.table} was called {@code oldTable} before; renames the keys that carry the old prefix. */
    static void rename(Connection connection, String schema, String oldTable, String table) throws SQLException {
        List<String> statements = new ArrayList<>();
        String qualified = CreateTableText.quote(schema) + "." + CreateTableText.quote(table);
        for (String name : scopedNames(connection, "SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS",
                schema, oldTable, table)) {
            statements.add("ALTER TABLE " + qualified + " RENAME CONSTRAINT " + CreateTableText.quote(name)
                    + " TO " + CreateTableText.quote(renamed(name, oldTable, table)));
        }
        for (String name : scopedNames(connection, "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES",
                schema, oldTable, table)) {
            statements.add("ALTER INDEX " + CreateTableText.quote(schema) + "." + CreateTableText.quote(name)
                    + " RENAME TO " + CreateTableText.quote(renamed(name, oldTable, table)));
        }
        try (Statement statement = connection.createStatement()) {
            for (String each : statements) {
                statement.execute(each);
            }
        }
    }

    /** The names {@code select} lists for the table that carry the old table's prefix. */
    private static List<String> scopedNames(Connection connection, String select, String schema, String oldTable,
                                            String table) throws SQLException {
        List<String> result = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select
                + " WHERE LOWER(TABLE_SCHEMA) = LOWER(?) AND LOWER(TABLE_NAME) = LOWER(?)")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    if (KeyNames.isScoped(oldTable, rows.getString(1))) {
                        result.add(rows.getString(1));
                    }
                }
            }
        }
        return result;
    }

    private static String renamed(String engineName, String oldTable, String table) {
        return KeyNames.engineName(table, KeyNames.mysqlName(oldTable, engineName));
    }
}
