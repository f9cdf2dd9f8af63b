package dev.doppel.server.sql.ddl;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.EngineCatalog;
import dev.doppel.server.catalog.TableInfo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DROP TABLE of a table that other tables' foreign keys reference. With foreign_key_checks=0 MySQL drops it and keeps
 * the keys (Flyway's clean() and scripts drop tables in any order); the engine refuses while a key references the
 * table, so each such key is taken off its table first and waits, as PendingForeignKeys does for a dump's forward
 * references, for a table of that name to be created again. With the checks on, MySQL's 3730.
 */
final class DroppedParents {
    private DroppedParents() {
    }

    /** {@code dropped}: "schema.table" in lower case of every table the statement drops. */
    static void release(Connection connection, String schema, String table, Set<String> dropped, boolean checks)
            throws SQLException {
        List<String[]> children = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT c.TABLE_SCHEMA, c.TABLE_NAME, r.CONSTRAINT_NAME"
                + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS r JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS c"
                + " ON c.CONSTRAINT_SCHEMA = r.CONSTRAINT_SCHEMA AND c.CONSTRAINT_NAME = r.CONSTRAINT_NAME"
                + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS p ON p.CONSTRAINT_SCHEMA = r.UNIQUE_CONSTRAINT_SCHEMA"
                + " AND p.CONSTRAINT_NAME = r.UNIQUE_CONSTRAINT_NAME WHERE LOWER(p.TABLE_SCHEMA) = LOWER(?) AND LOWER(p.TABLE_NAME) = LOWER(?)")) {
            select.setString(1, schema);
            select.setString(2, table);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String child = (rows.getString(1) + "." + rows.getString(2)).toLowerCase(Locale.ROOT);
                    if (!dropped.contains(child)) {
                        children.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                    }
                }
            }
        }
        for (String[] child : children) {
            TableInfo info = EngineCatalog.tables(connection, child[0], child[1]).stream().findFirst().orElse(null);
            TableInfo.ForeignKey key = info == null ? null : info.foreignKeys().stream()
                    .filter(each -> each.engineName().equalsIgnoreCase(child[2])).findFirst().orElse(null);
            if (key == null) {
                continue;
            }
            if (checks) {
                throw MySqlError.ER_FK_CANNOT_DROP_PARENT.exception(table, key.name(), child[1]);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + CreateTableText.quote(child[0]) + "." + CreateTableText.quote(child[1])
                        + " DROP CONSTRAINT " + CreateTableText.quote(key.engineName()));
            }
            PendingForeignKeys.add(schema, table, child[0], child[1], AlterTable.foreignKeyDefinition(key));
        }
    }
}
