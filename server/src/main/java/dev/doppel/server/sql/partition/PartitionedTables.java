package dev.doppel.server.sql.partition;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.EngineCatalog;
import dev.doppel.server.catalog.TableInfo;
import dev.doppel.server.catalog.partitions.PartitionScheme;
import dev.doppel.server.catalog.partitions.TablePartitions;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.QueryExecutor;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.translate.EngineSql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Puts a partitioning on a table and takes it off. The rows stay in the one engine table; what makes it partitioned
 * is the checked {@link PartitionScheme} in {@link TablePartitions} and an engine CHECK constraint that computes each
 * written row's partition ({@link PartitionPlacement}) and refuses a row no partition takes (1526).
 */
public final class PartitionedTables {
    private final Session session;
    private final QueryExecutor executor;

    public PartitionedTables(Session session, QueryExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    /** A checked partitioning, ready to be put on its table: its constraint as a CREATE TABLE element. */
    public record Prepared(PartitionScheme scheme, String constraint, String checkElement, String number) {
    }

    /**
     * CREATE TABLE's partitioning checked against the table the statement makes ({@code shape}, read from it; null
     * when the statement has no column definitions): 1562 for a temporary table.
     */
    public Prepared prepareCreate(TableInfo shape, PartitionScheme raw, boolean temporary) {
        if (temporary) {
            throw new MySqlException(1562, "HY000", "Cannot create temporary table with partitions");
        }
        if (shape == null) {
            // CREATE TABLE ... SELECT without columns: they come from the query, unknown before the table is made
            throw new MySqlException(1235, "42000", "This version of MySQL doesn't yet support 'partitioning in"
                    + " CREATE TABLE ... SELECT without column definitions'");
        }
        return prepare(shape, raw);
    }

    /** Checks {@code raw} (as the statement wrote it) against the table; MySQL's errors when it does not fit. */
    public Prepared prepare(TableInfo info, PartitionScheme raw) {
        return prepared(info, checks(info).checked(raw));
    }

    /** MySQL's checks of a partitioning of this table, its VALUES evaluated through the session. */
    PartitionChecks checks(TableInfo info) {
        return new PartitionChecks(info, this::evaluate);
    }

    Prepared prepared(TableInfo info, PartitionScheme scheme) {
        String number = PartitionPlacement.number(scheme, keyColumns(info, scheme.columnList(), scheme.method()),
                scheme.sub() == null ? List.of() : keyColumns(info, scheme.sub().columnList(), scheme.sub().method()));
        String constraint = "doppel_partitioning_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        String element = "CONSTRAINT " + CreateTableText.quote(constraint) + " CHECK (PUBLIC.MYSQL_PARTITION_CHECK("
                + number + ", " + PartitionPlacement.valueText(scheme) + ", '" + constraint + "'))";
        return new Prepared(scheme, constraint, element, number);
    }

    /** Records a partitioning whose constraint the table now has (CREATE TABLE made it with the table). */
    public void record(String schema, String table, Prepared prepared) throws SQLException {
        Connection connection = session.engineConnection();
        TablePartitions.put(connection, schema, table, new TablePartitions.Entry(prepared.scheme(),
                prepared.constraint(), engine(prepared.number())));
        commit(connection);
    }

    /**
     * Partitions an existing table by {@code raw}, replacing a partitioning it had; the rows it holds must each fit
     * a partition (1526).
     */
    public void install(String schema, String table, PartitionScheme raw) throws SQLException {
        TableInfo info = info(schema, table);
        put(schema, table, prepare(info, raw));
    }

    /** Puts a prepared partitioning on the table: its constraint (checking the rows) and its registry row. */
    void put(String schema, String table, Prepared prepared) throws SQLException {
        remove(schema, table);
        String alter = "ALTER TABLE " + CreateTableText.quote(schema) + "." + CreateTableText.quote(table)
                + " ADD " + prepared.checkElement();
        try (Statement statement = session.engineConnection().createStatement()) {
            statement.execute(engine(alter));
        }
        record(schema, table, prepared);
    }

    /** Takes the partitioning off the table, if it has one. */
    public void remove(String schema, String table) throws SQLException {
        Connection connection = session.engineConnection();
        TablePartitions.Entry entry = TablePartitions.of(connection, schema, table);
        if (entry == null) {
            return;
        }
        String drop = "ALTER TABLE " + CreateTableText.quote(schema) + "." + CreateTableText.quote(table)
                + " DROP CONSTRAINT IF EXISTS " + CreateTableText.quote(entry.constraint());
        try (Statement statement = connection.createStatement()) {
            statement.execute(EngineSql.rewrite(drop, Lexer.tokenize(drop), session));
        }
        TablePartitions.dropTable(connection, schema, table);
        commit(connection);
    }

    TableInfo info(String schema, String table) throws SQLException {
        List<TableInfo> found = EngineCatalog.tables(session.engineConnection(), schema, table);
        if (found.isEmpty() || found.get(0).isView()) {
            throw new MySqlException(1146, "42S02", "Table '" + schema + "." + table + "' doesn't exist");
        }
        return found.get(0);
    }

    /** A MySQL expression in the engine's SQL. */
    String engine(String mysql) {
        return EngineSql.rewrite(mysql, Lexer.tokenize(mysql), session);
    }

    /** A constant of VALUES LESS THAN or IN, evaluated as MySQL would (the first wall checks it as a SELECT). */
    private Object evaluate(String expression) {
        return executor.evaluate(expression, Lexer.tokenize(expression));
    }

    /** The columns KEY hashes: the list, or the primary key's (else a unique key's) when it is empty. */
    static List<String> keyColumns(TableInfo info, List<String> listed, PartitionScheme.Method method) {
        if (method != PartitionScheme.Method.KEY || !listed.isEmpty()) {
            return listed;
        }
        for (TableInfo.Index each : info.indexes()) {
            if (each.primary()) {
                return each.columns();
            }
        }
        for (TableInfo.Index each : info.indexes()) {
            if (each.unique()) {
                return each.columns();
            }
        }
        throw new MySqlException(1488, "HY000", "Field in list of fields for partition function not found in table");
    }

    /** Each column and its MySQL type, as the table spells them. */
    static Map<String, String> columnTypes(TableInfo info) {
        Map<String, String> result = new LinkedHashMap<>();
        for (TableInfo.Column each : info.columns()) {
            result.put(each.name(), each.columnType());
        }
        return result;
    }

    /** The columns the partitioning reads, in lower case, for the unique-key rule (1503) and 3855. */
    static Set<String> columnsRead(PartitionScheme scheme, TableInfo info) {
        Map<String, String> types = columnTypes(info);
        List<String> read = new ArrayList<>();
        read.addAll(scheme.expression() != null ? PartitionExpression.of(scheme.expression(), types).columns()
                : keyColumns(info, scheme.columnList(), scheme.method()));
        if (scheme.sub() != null) {
            read.addAll(scheme.sub().expression() != null
                    ? PartitionExpression.of(scheme.sub().expression(), types).columns()
                    : keyColumns(info, scheme.sub().columnList(), scheme.sub().method()));
        }
        Set<String> result = new HashSet<>();
        read.forEach(each -> result.add(each.toLowerCase(Locale.ROOT)));
        return result;
    }

    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
