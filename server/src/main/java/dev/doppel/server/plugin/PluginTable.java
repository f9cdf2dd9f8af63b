package dev.doppel.server.plugin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The mysql.plugin registry: (name as typed in INSTALL PLUGIN, dl = the soname), read at startup. */
final class PluginTable {
    /** One row. */
    record Row(String name, String dl) {
    }

    private final Supplier<Connection> connection;

    PluginTable(Supplier<Connection> connection) {
        this.connection = connection;
    }

    List<Row> rows() throws SQLException {
        List<Row> result = new ArrayList<>();
        try (Statement statement = connection.get().createStatement();
             ResultSet rows = statement.executeQuery("SELECT name, dl FROM mysql.plugin ORDER BY name")) {
            while (rows.next()) {
                result.add(new Row(rows.getString(1), rows.getString(2)));
            }
        }
        return result;
    }

    void insert(String name, String dl) throws SQLException {
        try (PreparedStatement insert = connection.get().prepareStatement(
                "INSERT INTO mysql.plugin (name, dl) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, dl);
            insert.executeUpdate();
        }
    }

    /** Deletes the row of {@code name} (case-insensitive, as MySQL's utf8mb3_general_ci key); none is fine. */
    void delete(String name) throws SQLException {
        try (PreparedStatement delete = connection.get().prepareStatement(
                "DELETE FROM mysql.plugin WHERE LOWER(name) = LOWER(?)")) {
            delete.setString(1, name);
            delete.executeUpdate();
        }
    }
}
