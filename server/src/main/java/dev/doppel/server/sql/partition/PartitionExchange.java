package dev.doppel.server.sql.partition;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.catalog.TableInfo;
import dev.doppel.server.catalog.partitions.TablePartitions;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ALTER TABLE ... EXCHANGE PARTITION p WITH TABLE t [WITH | WITHOUT VALIDATION]: the partition's rows and the other
 * table's trade places, in one engine transaction. The other table must be an ordinary table of the same columns
 * (1736); with validation its rows must all belong in p (1737). The partition's rows pass through the server's
 * memory on their way.
 */
final class PartitionExchange {
    private final Session session;
    private final PartitionedTables tables;

    PartitionExchange(Session session, PartitionedTables tables) {
        this.session = session;
        this.tables = tables;
    }

    void exchange(String schema, String table, TableInfo info, TablePartitions.Entry entry, PartitionRows rows,
                  List<Token> tokens, int at) throws SQLException {
        String partition = tokens.get(at).text();
        int name = at + 3;
        String otherSchema = schema;
        String other = tokens.get(name).text();
        if (name + 2 < tokens.size() && tokens.get(name + 1).isSymbol(".")) {
            otherSchema = other;
            other = tokens.get(name + 2).text();
        }
        boolean validate = !tokens.get(tokens.size() - 2).isWord("WITHOUT");
        if (entry.scheme().subpartitionCount() > 0) {
            throw new MySqlException(1704, "HY000", "Subpartitioned table, use subpartition instead of partition");
        }
        List<Long> numbers = rows.numbersNamed(List.of(partition));
        Connection connection = session.engineConnection();
        if (TablePartitions.of(connection, otherSchema, other) != null) {
            throw new MySqlException(1732, "HY000", "Table to exchange with partition is partitioned: '" + other + "'");
        }
        TableInfo otherInfo = tables.info(otherSchema, other);
        if (!sameColumns(info, otherInfo)) {
            throw new MySqlException(1736, "HY000", "Tables have different definitions");
        }
        String target = PartitionRows.qualified(schema, table);
        String source = PartitionRows.qualified(otherSchema, other);
        if (validate) {
            try (Statement statement = connection.createStatement();
                 ResultSet found = statement.executeQuery("SELECT 1 FROM " + source + " WHERE NOT COALESCE("
                         + PartitionRows.predicate(entry.placement(), numbers) + ", FALSE) LIMIT 1")) {
                if (found.next()) {
                    throw new MySqlException(1737, "HY000", "Found a row that does not match the partition");
                }
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            List<Object[]> held = new ArrayList<>();
            int width = info.columns().size();
            try (ResultSet found = statement.executeQuery("SELECT * FROM " + target + " WHERE "
                    + rows.predicate(numbers))) {
                while (found.next()) {
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = found.getObject(i + 1);
                    }
                    held.add(row);
                }
            }
            statement.executeUpdate("DELETE FROM " + target + " WHERE " + rows.predicate(numbers));
            statement.executeUpdate("INSERT INTO " + target + " SELECT * FROM " + source);
            statement.executeUpdate("DELETE FROM " + source);
            StringBuilder marks = new StringBuilder();
            for (int i = 0; i < width; i++) {
                marks.append(i == 0 ? "?" : ", ?");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + source + " VALUES ("
                    + marks + ")")) {
                for (Object[] row : held) {
                    for (int i = 0; i < width; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static boolean sameColumns(TableInfo a, TableInfo b) {
        if (a.columns().size() != b.columns().size()) {
            return false;
        }
        for (int i = 0; i < a.columns().size(); i++) {
            TableInfo.Column x = a.columns().get(i);
            TableInfo.Column y = b.columns().get(i);
            if (!x.name().equalsIgnoreCase(y.name()) || !x.columnType().toLowerCase(Locale.ROOT)
                    .equals(y.columnType().toLowerCase(Locale.ROOT)) || x.nullable() != y.nullable()) {
                return false;
            }
        }
        return true;
    }
}
