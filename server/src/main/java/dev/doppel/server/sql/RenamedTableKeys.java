package dev.doppel.server.sql;

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
final class RenamedTableKeys {
    private RenamedTableKeys() {
    }

    /** {@code schema.table} was called {@code oldTable} before; renames the keys that carry the old prefix. */
    static void rename(Connection connection, String schema, String oldTable, String table) throws SQLException {
        List<String> statements = new ArrayList<>();
        String qualified = CreateTableText.quote(schema) + "." + CreateTableText.quote(table);
        try (PreparedStatement select = connection.prepareStatement("SELECT CONSTRAINT_NAME FROM"
                + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE LOWER(TABLE_SCHEMA) = LOWER(?)"
                + " AND LOWER(TABLE_NAME) = LOWER(?)")) {
            select.setString(1, schema);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    if (KeyNames.isScoped(oldTable, name)) {
                        statements.add("ALTER TABLE " + qualified + " RENAME CONSTRAINT " + CreateTableText.quote(name)
                                + " TO " + CreateTableText.quote(renamed(name, oldTable, table)));
                    }
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE LOWER(TABLE_SCHEMA) = LOWER(?) AND LOWER(TABLE_NAME) = LOWER(?)")) {
            select.setString(1, schema);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    if (KeyNames.isScoped(oldTable, name)) {
                        statements.add("ALTER INDEX " + CreateTableText.quote(schema) + "." + CreateTableText.quote(name)
                                + " RENAME TO " + CreateTableText.quote(renamed(name, oldTable, table)));
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String each : statements) {
                statement.execute(each);
            }
        }
    }

    private static String renamed(String engineName, String oldTable, String table) {
        return KeyNames.engineName(table, KeyNames.mysqlName(oldTable, engineName));
    }
}
