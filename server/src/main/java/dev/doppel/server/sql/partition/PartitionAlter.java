package dev.doppel.server.sql.partition;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.catalog.TableInfo;
import dev.doppel.server.catalog.partitions.PartitionScheme;
import dev.doppel.server.catalog.partitions.PartitionScheme.Method;
import dev.doppel.server.catalog.partitions.TablePartitions;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.QueryExecutor;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.parse.PartitionDefinitions;
import dev.doppel.server.sql.results.TextResult;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ALTER TABLE's partitioning operations, the last thing such a statement does: PARTITION BY, REMOVE PARTITIONING,
 * ADD, DROP, TRUNCATE, COALESCE, REORGANIZE and EXCHANGE PARTITION, and ANALYZE, CHECK, OPTIMIZE, REBUILD and REPAIR
 * PARTITION. Rows stay in the one engine table: dropping or truncating a partition deletes its rows, and every
 * change of the partitions checks the rows against the new ones (1526) as it puts the new constraint on.
 */
public final class PartitionAlter {
    private static final Set<String> VERBS = Set.of("ADD", "DROP", "COALESCE", "REORGANIZE", "EXCHANGE", "ANALYZE",
            "CHECK", "OPTIMIZE", "REBUILD", "REPAIR", "TRUNCATE", "DISCARD", "IMPORT");

    private final Session session;
    private final QueryExecutor executor;
    private final PartitionedTables tables;

    public PartitionAlter(Session session, QueryExecutor executor) {
        this.session = session;
        this.executor = executor;
        this.tables = new PartitionedTables(session, executor);
    }

    /** The index of the statement's partitioning operation among its top-level tokens after {@code from}, or -1. */
    public static int operationStart(List<Token> tokens, int from) {
        int depth = 0;
        for (int i = from; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && (i == from || tokens.get(i - 1).isSymbol(",") || token.isWord("PARTITION")
                    || token.isWord("REMOVE"))) {
                Token second = tokens.get(i + 1);
                if (token.isWord("PARTITION") && second.isWord("BY") || token.isWord("REMOVE")
                        && second.isWord("PARTITIONING") || token.kind() == Token.Kind.WORD
                        && VERBS.contains(token.upper()) && second.isWord("PARTITION")) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Runs the operation starting at token {@code at} and answers the client. */
    public void run(String schema, String table, String sql, List<Token> tokens, int at, int moreFlag)
            throws SQLException {
        Token verb = tokens.get(at);
        if (verb.isWord("PARTITION")) {
            tables.install(schema, table, PartitionDefinitions.readScheme(sql, tokens, at).scheme());
            executor.ok(0, moreFlag);
            return;
        }
        TablePartitions.Entry entry = TablePartitions.of(session.engineConnection(), schema, table);
        TableInfo info = tables.info(schema, table);
        if (entry == null) {
            throw new MySqlException(1505, "HY000", "Partition management on a not partitioned table is not possible");
        }
        PartitionScheme scheme = entry.scheme();
        PartitionRows rows = new PartitionRows(session, schema, table, entry);
        switch (verb.upper()) {
            case "REMOVE" -> tables.remove(schema, table);
            case "ADD" -> add(schema, table, info, scheme, sql, tokens, at + 2);
            case "DROP" -> {
                rangeOrList(scheme, "DROP");
                List<String> names = names(tokens, at + 2);
                if (names.size() >= scheme.partitionCount()) {
                    throw new MySqlException(1508, "HY000", "Cannot remove all partitions, use DROP TABLE instead");
                }
                List<Integer> dropped = partitionIndexes(scheme, names, "DROP");
                rows.delete(rows.numbersOf(dropped));
                List<PartitionScheme.Partition> kept = new ArrayList<>(scheme.partitions());
                for (int i = dropped.size() - 1; i >= 0; i--) {
                    kept.remove((int) dropped.get(i));
                }
                tables.put(schema, table, tables.prepared(info, with(scheme, kept, scheme.count())));
            }
            case "TRUNCATE" -> rows.delete(rows.numbersNamed(namesOrAll(tokens, at + 2)));
            case "COALESCE" -> {
                if (scheme.method() != Method.HASH && scheme.method() != Method.KEY) {
                    throw new MySqlException(1509, "HY000", "COALESCE PARTITION can only be used on HASH/KEY partitions");
                }
                int fewer = number(tokens, at + 2);
                if (fewer <= 0) {
                    throw new MySqlException(1515, "HY000", "At least one partition must be coalesced");
                }
                if (fewer >= scheme.partitionCount()) {
                    throw new MySqlException(1508, "HY000", "Cannot remove all partitions, use DROP TABLE instead");
                }
                int left = scheme.partitionCount() - fewer;
                List<PartitionScheme.Partition> kept = scheme.partitions().isEmpty() ? List.of()
                        : scheme.partitions().subList(0, left);
                tables.put(schema, table, tables.prepared(info, with(scheme, kept, kept.isEmpty() ? left : null)));
            }
            case "REORGANIZE" -> reorganize(schema, table, info, scheme, sql, tokens, at + 2);
            case "EXCHANGE" -> new PartitionExchange(session, tables).exchange(schema, table, info, entry, rows, tokens,
                    at + 2);
            case "ANALYZE", "CHECK", "OPTIMIZE", "REPAIR" -> {
                rows.numbersNamed(namesOrAll(tokens, at + 2));
                TextResult result = TextResult.of("Table", "Op", "Msg_type", "Msg_text");
                String op = verb.text().toLowerCase(Locale.ROOT);
                if (verb.isWord("OPTIMIZE")) {
                    result.row(schema + "." + table, op, "note", "Table does not support optimize on partitions. All"
                            + " partitions will be rebuilt and analyzed.");
                }
                executor.send(result.row(schema + "." + table, op, "status", "OK"), moreFlag);
                return;
            }
            case "REBUILD" -> rows.numbersNamed(namesOrAll(tokens, at + 2));
            default -> throw new MySqlException(1235, "42000", "This version of MySQL doesn't yet support '"
                    + verb.upper() + " PARTITION ... TABLESPACE'");
        }
        executor.ok(0, moreFlag);
    }

    private void add(String schema, String table, TableInfo info, PartitionScheme scheme, String sql,
                     List<Token> tokens, int at) throws SQLException {
        List<PartitionScheme.Partition> partitions = new ArrayList<>(scheme.partitions());
        if (tokens.get(at).isWord("PARTITIONS")) {
            if (scheme.method() == Method.RANGE || scheme.method() == Method.LIST) {
                throw new MySqlException(1492, "HY000", "For " + scheme.method()
                        + " partitions each partition must be defined");
            }
            int more = number(tokens, at + 1);
            if (more <= 0) {
                throw new MySqlException(1514, "HY000", "At least one partition must be added");
            }
            if (!partitions.isEmpty()) {
                for (int i = 0; i < more; i++) {
                    partitions.add(new PartitionScheme.Partition("p" + partitions.size(), PartitionScheme.Kind.NONE,
                            List.of(), null, List.of()));
                }
            }
            tables.put(schema, table, tables.prepared(info, with(scheme, partitions,
                    partitions.isEmpty() ? scheme.partitionCount() + more : null)));
            return;
        }
        if (scheme.method() == Method.RANGE && !partitions.isEmpty()
                && partitions.get(partitions.size() - 1).values().get(0).get(0).equals("MAXVALUE") && !scheme.columns()) {
            throw new MySqlException(1481, "HY000", "MAXVALUE can only be used in last partition definition");
        }
        if (partitions.isEmpty()) {
            for (String name : scheme.partitionNames()) {
                partitions.add(new PartitionScheme.Partition(name, PartitionScheme.Kind.NONE, List.of(), null, List.of()));
            }
        }
        partitions.addAll(PartitionDefinitions.readPartitions(sql, tokens, at));
        tables.install(schema, table, with(scheme, partitions, null));
    }

    private void reorganize(String schema, String table, TableInfo info, PartitionScheme scheme, String sql,
                            List<Token> tokens, int at) throws SQLException {
        List<String> names = names(tokens, at);
        int into = at;
        while (into < tokens.size() && !tokens.get(into).isWord("INTO")) {
            into++;
        }
        List<Integer> indexes = partitionIndexes(scheme, names, "REORGANIZE");
        for (int i = 1; i < indexes.size(); i++) {
            if (indexes.get(i) != indexes.get(i - 1) + 1) {
                throw new MySqlException(1519, "HY000",
                        "When reorganizing a set of partitions they must be in consecutive order");
            }
        }
        List<PartitionScheme.Partition> replacing = PartitionDefinitions.readPartitions(sql, tokens, into + 1);
        List<PartitionScheme.Partition> partitions = new ArrayList<>();
        List<String> all = scheme.partitionNames();
        for (int i = 0; i < all.size(); i++) {
            if (i == indexes.get(0)) {
                partitions.addAll(replacing);
            }
            if (!indexes.contains(i)) {
                partitions.add(i < scheme.partitions().size() ? scheme.partitions().get(i) : new PartitionScheme.Partition(
                        all.get(i), PartitionScheme.Kind.NONE, List.of(), null, List.of()));
            }
        }
        if ((scheme.method() == Method.HASH || scheme.method() == Method.KEY) && replacing.size() != indexes.size()) {
            throw new MySqlException(1510, "HY000",
                    "REORGANIZE PARTITION can only be used to reorganize partitions not to change their numbers");
        }
        int last = indexes.get(indexes.size() - 1);
        if (scheme.method() == Method.RANGE && last + 1 < all.size() && !replacing.isEmpty()) {
            PartitionScheme checked = tables.checks(info).checked(with(scheme, partitions, null));
            List<String> before = scheme.partitions().get(last).values().get(0);
            List<String> after = checked.partitions().get(indexes.get(0) + replacing.size() - 1).values().get(0);
            if (PartitionChecks.compare(before, after) != 0) {
                throw new MySqlException(1520, "HY000", "Reorganize of range partitions cannot change total ranges"
                        + " except for last partition where it can extend the range");
            }
        }
        tables.install(schema, table, with(scheme, partitions, null));
    }

    /**
     * 3855 for ALTER TABLE's DROP, CHANGE or RENAME of a column the table's partitioning reads, and 1503 for a
     * unique key it adds without all of those columns; {@code specs} are the statement's comma-separated changes.
     */
    public void checkColumnChanges(String schema, String table, List<List<Token>> specs,
                                   List<TableInfo.Index> addedKeys) throws SQLException {
        TablePartitions.Entry entry = TablePartitions.of(session.engineConnection(), schema, table);
        if (entry == null) {
            return;
        }
        Set<String> read = PartitionedTables.columnsRead(entry.scheme(), tables.info(schema, table));
        PartitionChecks.checkUniqueKeys(read, addedKeys);
        for (List<Token> spec : specs) {
            if (spec.size() > 2 && spec.get(0).isWord("DROP") && (spec.get(1).isWord("CHECK")
                    || spec.get(1).isWord("CONSTRAINT")) && spec.get(2).text().equalsIgnoreCase(entry.constraint())) {
                // the partitions' own constraint is no CHECK of the table's
                throw new MySqlException(3821, "HY000", "Check constraint '" + spec.get(2).text()
                        + "' is not found in the table.");
            }
            int at = 1;
            if (spec.size() > 1 && spec.get(1).isWord("COLUMN")) {
                at = 2;
            }
            boolean touches = spec.size() > at && (spec.get(0).isWord("DROP") && spec.get(at).isIdentifier()
                    && !spec.get(at).isWord("INDEX") && !spec.get(at).isWord("KEY") && !spec.get(at).isWord("PRIMARY")
                    && !spec.get(at).isWord("FOREIGN") && !spec.get(at).isWord("CONSTRAINT")
                    && !spec.get(at).isWord("CHECK") || spec.get(0).isWord("CHANGE")
                    || spec.get(0).isWord("RENAME") && at == 2);
            if (touches && read.contains(spec.get(at).text().toLowerCase(Locale.ROOT))
                    && !(spec.get(0).isWord("CHANGE") && spec.size() > at + 1
                    && spec.get(at + 1).text().equalsIgnoreCase(spec.get(at).text()))) {
                throw new MySqlException(3855, "HY000", "Column '" + spec.get(at).text() + "' has a partitioning"
                        + " function dependency and cannot be dropped or renamed.");
            }
        }
    }

    static PartitionScheme with(PartitionScheme scheme, List<PartitionScheme.Partition> partitions, Integer count) {
        return new PartitionScheme(scheme.method(), scheme.linear(), scheme.columns(), scheme.algorithm(),
                scheme.expression(), scheme.columnList(), count, scheme.sub(), partitions);
    }

    private static void rangeOrList(PartitionScheme scheme, String verb) {
        if (scheme.method() != Method.RANGE && scheme.method() != Method.LIST) {
            throw new MySqlException(1512, "HY000", verb + " PARTITION can only be used on RANGE/LIST partitions");
        }
    }

    /** The partitions' indexes, in the table's order; 1507 when one is not the table's. */
    private static List<Integer> partitionIndexes(PartitionScheme scheme, List<String> names, String verb) {
        List<String> all = scheme.partitionNames();
        List<Integer> result = new ArrayList<>();
        for (String name : names) {
            int index = -1;
            for (int i = 0; i < all.size(); i++) {
                index = all.get(i).equalsIgnoreCase(name) ? i : index;
            }
            if (index < 0 || result.contains(index)) {
                throw new MySqlException(1507, "HY000", "Error in list of partitions to " + verb);
            }
            result.add(index);
        }
        result.sort(null);
        return result;
    }

    /** The names listed from token {@code at} (name, name, ...), up to the first token that is not one. */
    static List<String> names(List<Token> tokens, int at) {
        List<String> result = new ArrayList<>();
        for (int i = at; i < tokens.size() && tokens.get(i).isIdentifier() && !tokens.get(i).isWord("INTO"); i += 2) {
            result.add(tokens.get(i).text());
            if (i + 1 >= tokens.size() || !tokens.get(i + 1).isSymbol(",")) {
                break;
            }
        }
        return result;
    }

    /** The names listed from {@code at}, or null for ALL. */
    private static List<String> namesOrAll(List<Token> tokens, int at) {
        return at < tokens.size() && tokens.get(at).isWord("ALL") ? null : names(tokens, at);
    }

    private static int number(List<Token> tokens, int at) {
        if (at >= tokens.size() || !Token.isDigits(tokens.get(at).text()) || tokens.get(at).text().length() > 9) {
            throw new MySqlException(1064, "42000", "You have an error in your SQL syntax; check the manual that"
                    + " corresponds to your MySQL server version for the right syntax to use");
        }
        return Integer.parseInt(tokens.get(at).text());
    }
}
