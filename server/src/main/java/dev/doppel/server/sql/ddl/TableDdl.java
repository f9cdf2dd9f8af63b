package dev.doppel.server.sql.ddl;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.ColumnTypeRegistry;
import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.EngineCatalog;
import dev.doppel.server.catalog.FulltextIndexes;
import dev.doppel.server.catalog.KeyNames;
import dev.doppel.server.catalog.MySqlTypes;
import dev.doppel.server.catalog.TableInfo;
import dev.doppel.server.catalog.UnsignedColumns;
import dev.doppel.server.catalog.partitions.PartitionScheme;
import dev.doppel.server.catalog.partitions.TablePartitions;
import dev.doppel.server.config.variables.VariableQualifier;
import dev.doppel.server.engine.JsonColumns;
import dev.doppel.server.engine.columns.CharColumns;
import dev.doppel.server.engine.columns.SetColumns;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.QueryExecutor;
import dev.doppel.server.sql.access.DdlExpressions;
import dev.doppel.server.sql.access.TableAccess;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.partition.PartitionAlter;
import dev.doppel.server.sql.partition.PartitionClauses;
import dev.doppel.server.sql.partition.PartitionedTables;
import dev.doppel.server.sql.parse.StatementParser;
import dev.doppel.server.sql.translate.ParseWarnings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CREATE, ALTER, DROP and RENAME TABLE: run by the engine, with the ENGINE option judged as MySQL 8.4 does and
 * the declared MySQL column types kept in the {@link ColumnTypeRegistry}.
 */
public final class TableDdl {
    private static final Set<String> NOT_COLUMN_AFTER_DROP = Set.of("INDEX", "KEY", "PRIMARY", "FOREIGN",
            "CONSTRAINT", "CHECK", "PARTITION");

    private final Session session;
    private final QueryExecutor executor;
    /** CREATE TABLE's partitioning clause, taken off the statement the engine runs. */
    private PartitionScheme partitioning;

    public TableDdl(Session session, QueryExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    private record TableName(String schema, String table, int next) {
    }

    public static boolean matches(List<Token> tokens) {
        if (tokens.size() < 3) {
            return false;
        }
        Token second = tokens.get(1);
        if (IndexStatement.matches(tokens)) {
            return true;
        }
        return switch (tokens.get(0).upper()) {
            case "CREATE", "DROP" -> second.isWord("TABLE") || (second.isWord("TEMPORARY") && tokens.get(2).isWord("TABLE"));
            case "ALTER" -> second.isWord("TABLE");
            case "RENAME" -> second.isWord("TABLE") || second.isWord("TABLES");
            default -> false;
        };
    }

    public void execute(String sql, List<Token> tokens, int moreFlag) {
        // the whole statement by MySQL's grammar first: no type, attribute or option of the engine's own passes
        StatementParser.parseTableStatement(sql, tokens);
        String expanded = SerialColumns.expanded(sql, tokens);
        if (expanded != null) {
            execute(expanded, Lexer.tokenize(expanded), moreFlag);
            return;
        }
        PartitionClauses.Split split = tokens.get(0).isWord("CREATE") ? PartitionClauses.split(sql, tokens) : null;
        if (split != null) {
            sql = split.sql();
            tokens = Lexer.tokenize(sql);
            partitioning = split.scheme();
        }
        try {
            if (IndexStatement.matches(tokens)) {
                // CREATE INDEX and DROP INDEX are ALTER TABLE in MySQL too; privileges are those of the statement
                TableAccess.check(tokens, session);
                String alter = IndexStatement.asAlterTable(sql, tokens);
                alter(alter, Lexer.tokenize(alter), moreFlag);
                return;
            }
            if (!tokens.get(0).isWord("DROP")) {
                DdlExpressions.check(sql, tokens, session.schema());
            }
            switch (tokens.get(0).upper()) {
                case "CREATE" -> create(sql, tokens, moreFlag);
                case "ALTER" -> {
                    TableAccess.check(tokens, session);
                    alter(sql, tokens, moreFlag);
                }
                case "DROP" -> drop(sql, tokens, moreFlag);
                default -> rename(sql, tokens, moreFlag);
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(e, sql, session.schema());
        } finally {
            partitioning = null;
            UnsignedColumns.current().changed();
        }
    }

    private TableName name(String sql, List<Token> tokens, int index) {
        if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        if (index + 2 < tokens.size() && tokens.get(index + 1).isSymbol(".") && tokens.get(index + 2).isIdentifier()) {
            return new TableName(tokens.get(index).text(), tokens.get(index + 2).text(), index + 3);
        }
        if (session.schema() == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        return new TableName(session.schema(), tokens.get(index).text(), index + 1);
    }

    private void create(String sql, List<Token> tokens, int moreFlag) throws SQLException {
        boolean temporary = tokens.get(1).isWord("TEMPORARY");
        int index = temporary ? 3 : 2;
        // IF NOT EXISTS: the engine skips the table; TableExistenceNotes adds MySQL's note 1050
        if (index + 2 < tokens.size() && tokens.get(index).isWord("IF") && tokens.get(index + 1).isWord("NOT")
                && tokens.get(index + 2).isWord("EXISTS")) {
            index += 3;
        }
        TableName name = name(sql, tokens, index);
        if (!session.server().schemaExists(name.schema())) {
            // also the engine's own schema, which MySQL does not have
            throw MySqlError.ER_BAD_DB_ERROR.exception(name.schema());
        }
        int next = name.next();
        boolean parenthesized = next < tokens.size() && tokens.get(next).isSymbol("(");
        int likeAt = parenthesized ? next + 1 : next;
        if (likeAt < tokens.size() && tokens.get(likeAt).isWord("LIKE")) {
            createLike(tokens, name, name(sql, tokens, likeAt + 1), moreFlag);
            return;
        }
        if (parenthesized) {
            AutoIncrementKey.check(tokens, next);
        }
        boolean existed = !temporary && exists(name);
        List<FulltextIndexes.Index> fulltext = parenthesized ? FulltextKeys.ofCreate(tokens, next, temporary) : List.of();
        String engineSql = EngineOptions.without(session, sql, tokens, name.table());
        if (!fulltext.isEmpty()) {
            engineSql = FulltextKeys.withoutKeys(engineSql, next);
        }
        if (!existed && !temporary && !foreignKeyChecks()) {
            engineSql = withoutForwardReferences(engineSql, name);
        }
        engineSql = withEngineKeyNames(engineSql, name);
        PartitionedTables.Prepared partitioned = null;
        if (partitioning != null && !existed) {
            partitioned = new PartitionedTables(session, executor).prepareCreate(temporary || !parenthesized ? null
                    : CreateTableShape.of(name.schema(), name.table(), tokens, next), partitioning, temporary);
            engineSql = CreateTableShape.withElement(engineSql, next, partitioned.checkElement());
        }
        runOnEngine(engineSql, moreFlag);
        if (temporary || existed) {
            return;
        }
        Connection connection = session.engineConnection();
        TablePartitions.dropTable(connection, name.schema(), name.table());
        if (partitioned != null) {
            new PartitionedTables(session, executor).record(name.schema(), name.table(), partitioned);
        }
        PendingForeignKeys.created(connection, name.schema(), name.table());
        ColumnTypeRegistry.dropTable(connection, name.schema(), name.table());
        FulltextIndexes.dropTable(connection, name.schema(), name.table());
        if (parenthesized) {
            ColumnTypeRegistry.record(connection, name.schema(), name.table(), ColumnDeclarations.ofCreate(tokens, next));
        }
        for (FulltextIndexes.Index each : fulltext) {
            FulltextIndexes.add(connection, name.schema(), name.table(), each);
        }
        refreshColumnTriggers(name.schema(), name.table());
        commitCatalog(connection);
    }

    /**
     * CREATE TABLE ... LIKE: the source's columns (with their MySQL types), defaults and indexes (under the same
     * names), as a CREATE TABLE of its own; no rows, no foreign keys, the AUTO_INCREMENT counter starting over, as
     * in MySQL.
     */
    private void createLike(List<Token> tokens, TableName name, TableName source, int moreFlag) throws SQLException {
        TableAccess.check(tokens, session);
        Connection connection = session.engineConnection();
        List<TableInfo> found = EngineCatalog.tables(connection, source.schema(), source.table());
        if (found.isEmpty() || found.get(0).isView()) {
            throw MySqlError.ER_NO_SUCH_TABLE.exception(source.schema(), source.table());
        }
        TableInfo from = found.get(0);
        TableInfo copy = new TableInfo(name.schema(), name.table(), from.type(), from.comment(), 0, null,
                from.columns(), from.indexes(), List.of());
        String text = CreateTableText.of(copy);
        String elements = text.substring(text.indexOf('('), text.lastIndexOf(") ENGINE=") + 1);
        boolean temporary = tokens.get(1).isWord("TEMPORARY");
        boolean ifNotExists = tokens.stream().anyMatch(t -> t.isWord("EXISTS"));
        String create = "CREATE " + (temporary ? "TEMPORARY " : "") + "TABLE " + (ifNotExists ? "IF NOT EXISTS " : "")
                + quote(name) + " " + elements
                + (from.comment().isEmpty() ? "" : " COMMENT=" + MySqlTypes.quote(from.comment()));
        TablePartitions.Entry sourcePartitioning = TablePartitions.of(connection, source.schema(), source.table());
        partitioning = sourcePartitioning == null ? null : sourcePartitioning.scheme();
        // the statement records the columns' MySQL types as the source shows them (the registry's or the engine's)
        ParseWarnings.without(() -> create(create, Lexer.tokenize(create), moreFlag));
    }

    /**
     * The CREATE TABLE with its index names scoped to the table for the engine ({@link KeyNames}); two indexes of
     * the table with one name are MySQL's 1061.
     */
    private String withEngineKeyNames(String sql, TableName name) {
        List<Token> tokens = Lexer.tokenize(sql);
        int open = name.next();
        if (open >= tokens.size() || !tokens.get(open).isSymbol("(")) {
            return sql;
        }
        TextEdits edits = new TextEdits();
        Set<String> names = new HashSet<>();
        for (List<Token> element : ColumnDeclarations.elements(tokens, open)) {
            KeyDefinition key = KeyDefinition.of(element);
            if (key == null || !key.isIndex() || key.name() == null) {
                continue;
            }
            if (!names.add(key.name().toLowerCase(Locale.ROOT))) {
                throw MySqlError.ER_DUP_KEYNAME.exception(key.name());
            }
            key.name(name.table(), key.name(), edits);
        }
        return edits.apply(sql);
    }

    private void alter(String sql, List<Token> tokens, int moreFlag) throws SQLException {
        TableName name = name(sql, tokens, 2);
        int partitionOperation = PartitionAlter.operationStart(tokens, name.next());
        if (partitionOperation >= 0) {
            if (!exists(name)) {
                throw MySqlError.ER_NO_SUCH_TABLE.exception(name.schema(), name.table());
            }
            if (!AlterTableOptions.onlyAlgorithmOrLock(tokens, name.next(), partitionOperation)) {
                throw MySqlError.ER_NOT_SUPPORTED_YET.exception("other changes with a partitioning operation in one"
                        + " ALTER TABLE");
            }
            new PartitionAlter(session, executor).run(name.schema(), name.table(), sql, tokens, partitionOperation,
                    moreFlag);
            return;
        }
        String engineSql = EngineOptions.without(session, sql, tokens, name.table());
        List<Token> engineTokens = Lexer.tokenize(engineSql);
        if (engineTokens.size() <= name.next()) {
            // only ENGINE=InnoDB: the table already is in it
            if (!exists(name)) {
                throw MySqlError.ER_NO_SUCH_TABLE.exception(name.schema(), name.table());
            }
            executor.ok(0, moreFlag);
            return;
        }
        if (engineTokens.size() == name.next() + 2 && (engineTokens.get(name.next()).isWord("DISABLE")
                || engineTokens.get(name.next()).isWord("ENABLE")) && engineTokens.get(name.next() + 1).isWord("KEYS")) {
            // what dumps send around their INSERTs; InnoDB has no such switch and answers with a note
            if (!exists(name)) {
                throw MySqlError.ER_NO_SUCH_TABLE.exception(name.schema(), name.table());
            }
            session.addWarning("Note", 1031, MySqlError.ER_ILLEGAL_HA.message(name.table()));
            executor.ok(0, moreFlag);
            return;
        }
        List<Token> changes = new ArrayList<>(engineTokens.subList(name.next() - 1, engineTokens.size()));
        changes.set(0, new Token(Token.Kind.SYMBOL, "(", 0, 0));
        List<List<Token>> changeList = ColumnDeclarations.elements(changes, 0);
        new PartitionAlter(session, executor).checkColumnChanges(name.schema(), name.table(), changeList,
                CreateTableShape.addedUniqueKeys(changeList));
        boolean hadColumnTriggers = dropColumnTriggers(name.schema(), name.table());
        try {
            new AlterTable(session, engineSql, name.schema(), name.table()).run(ColumnDeclarations.elements(changes, 0));
        } catch (SQLException | RuntimeException e) {
            if (hadColumnTriggers) {
                refreshColumnTriggers(name.schema(), name.table());
            }
            throw e;
        }
        Connection connection = session.engineConnection();
        Map<String, String> declared = new LinkedHashMap<>();
        String table = name.table();
        String schema = name.schema();
        List<Token> specs = new ArrayList<>(tokens.subList(name.next() - 1, tokens.size()));
        specs.set(0, new Token(Token.Kind.SYMBOL, "(", 0, 0));
        for (List<Token> spec : ColumnDeclarations.elements(specs, 0)) {
            if (spec.isEmpty()) {
                continue;
            }
            Token verb = spec.get(0);
            int at = 1;
            if (at < spec.size() && spec.get(at).isWord("COLUMN")) {
                at++;
            }
            if (verb.isWord("ADD") && at < spec.size()) {
                if (spec.get(at).isSymbol("(")) {
                    for (List<Token> each : ColumnDeclarations.elements(spec, at)) {
                        ColumnDeclarations.addColumn(each, declared);
                    }
                } else {
                    ColumnDeclarations.addColumn(spec.subList(at, spec.size()), declared);
                }
            } else if (verb.isWord("MODIFY") && at < spec.size()) {
                ColumnDeclarations.addColumn(spec.subList(at, spec.size()), declared);
            } else if (verb.isWord("CHANGE") && at + 1 < spec.size()) {
                ColumnTypeRegistry.dropColumn(connection, schema, table, spec.get(at).text());
                FulltextIndexes.renameColumn(connection, schema, table, spec.get(at).text(), spec.get(at + 1).text());
                ColumnDeclarations.addColumn(spec.subList(at + 1, spec.size()), declared);
            } else if (verb.isWord("DROP") && at < spec.size() && !(spec.get(at).kind() == Token.Kind.WORD
                    && NOT_COLUMN_AFTER_DROP.contains(spec.get(at).upper()))) {
                ColumnTypeRegistry.dropColumn(connection, schema, table, spec.get(at).text());
            } else if (verb.isWord("RENAME") && spec.size() > 3 && spec.get(1).isWord("COLUMN")) {
                ColumnTypeRegistry.renameColumn(connection, schema, table, spec.get(2).text(), spec.get(4).text());
                FulltextIndexes.renameColumn(connection, schema, table, spec.get(2).text(), spec.get(4).text());
            } else if (verb.isWord("RENAME") && spec.size() > 1 && !spec.get(1).isWord("INDEX")
                    && !spec.get(1).isWord("KEY")) {
                int to = spec.get(1).isWord("TO") || spec.get(1).isWord("AS") ? 2 : 1;
                TableName target = name(sql, spec, to);
                ColumnTypeRegistry.renameTable(connection, schema, table, target.schema(), target.table());
                FulltextIndexes.renameTable(connection, schema, table, target.schema(), target.table());
                TablePartitions.renameTable(connection, schema, table, target.schema(), target.table());
                session.server().triggers().tableRenamed(schema, table, target.schema(), target.table());
                schema = target.schema();
                table = target.table();
            }
        }
        ColumnTypeRegistry.record(connection, schema, table, declared);
        refreshColumnTriggers(schema, table);
        commitCatalog(connection);
        executor.ok(0, moreFlag);
    }

    private void drop(String sql, List<Token> tokens, int moreFlag) throws SQLException {
        boolean temporary = tokens.get(1).isWord("TEMPORARY");
        int index = temporary ? 3 : 2;
        boolean ifExists = index + 1 < tokens.size() && tokens.get(index).isWord("IF")
                && tokens.get(index + 1).isWord("EXISTS");
        if (ifExists) {
            index += 2;
        }
        List<TableName> names = new ArrayList<>();
        while (index < tokens.size()) {
            TableName name = name(sql, tokens, index);
            names.add(name);
            index = name.next();
            if (index < tokens.size() && tokens.get(index).isSymbol(",")) {
                index++;
            } else {
                break;
            }
        }
        if (!temporary) {
            java.util.Set<String> dropped = new java.util.HashSet<>();
            for (TableName each : names) {
                dropped.add((each.schema() + "." + each.table()).toLowerCase(java.util.Locale.ROOT));
            }
            for (TableName each : names) {
                if (exists(each)) {
                    DroppedParents.release(session.engineConnection(), each.schema(), each.table(), dropped,
                            foreignKeyChecks());
                }
            }
        }
        if (temporary) {
            dropTemporary(names, ifExists, moreFlag);
            return;
        }
        runOnEngine(sql, moreFlag);
        Connection connection = session.engineConnection();
        for (TableName each : names) {
            if (!exists(each)) {
                ColumnTypeRegistry.dropTable(connection, each.schema(), each.table());
                FulltextIndexes.dropTable(connection, each.schema(), each.table());
                TablePartitions.dropTable(connection, each.schema(), each.table());
                session.server().triggers().tableDropped(each.schema(), each.table());
            }
        }
        commitCatalog(connection);
    }

    /**
     * DROP TEMPORARY TABLE: only the session's temporary tables, each checked before any is dropped (1051 names the
     * others; with IF EXISTS each is a note instead). Like MySQL, it does not end the transaction.
     */
    private void dropTemporary(List<TableName> names, boolean ifExists, int moreFlag) throws SQLException {
        Connection connection = session.engineConnection();
        List<TableName> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (TableName each : names) {
            if (EngineCatalog.isTemporaryTable(connection, each.schema(), each.table())) {
                found.add(each);
            } else {
                unknown.add(each.schema() + "." + each.table());
            }
        }
        if (!unknown.isEmpty() && !ifExists) {
            throw MySqlError.ER_BAD_TABLE_ERROR.exception(String.join(",", unknown));
        }
        for (String each : unknown) {
            session.addWarning("Note", 1051, MySqlError.ER_BAD_TABLE_ERROR.message(each));
        }
        try (Statement statement = connection.createStatement()) {
            for (TableName each : found) {
                statement.execute("DROP TABLE " + quote(each));
            }
        }
        executor.ok(0, moreFlag);
    }

    /** RENAME TABLE a TO b [, c TO d]: each pair as the engine's ALTER TABLE ... RENAME TO, in order. */
    private void rename(String sql, List<Token> tokens, int moreFlag) throws SQLException {
        int index = 2;
        List<TableName[]> pairs = new ArrayList<>();
        while (index < tokens.size()) {
            TableName from = name(sql, tokens, index);
            if (from.next() >= tokens.size() || !tokens.get(from.next()).isWord("TO")) {
                throw Lexer.syntaxError(sql, from.next() < tokens.size() ? tokens.get(from.next()).start() : sql.length());
            }
            TableName to = name(sql, tokens, from.next() + 1);
            pairs.add(new TableName[] {from, to});
            index = to.next();
            if (index < tokens.size()) {
                if (!tokens.get(index).isSymbol(",")) {
                    throw Lexer.syntaxError(sql, tokens.get(index).start());
                }
                index++;
            }
        }
        Connection connection = session.engineConnection();
        for (TableName[] pair : pairs) {
            if (!exists(pair[0])) {
                throw MySqlError.ER_NO_SUCH_TABLE.exception(pair[0].schema(), pair[0].table());
            }
            if (exists(pair[1])) {
                throw MySqlError.ER_TABLE_EXISTS_ERROR.exception(pair[1].table());
            }
            if (!session.server().schemaExists(pair[1].schema())) {
                throw MySqlError.ER_BAD_DB_ERROR.exception(pair[1].schema());
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE " + quote(pair[0]) + " RENAME TO " + quote(pair[1]));
            }
            RenamedTableKeys.rename(connection, pair[1].schema(), pair[0].table(), pair[1].table());
            ColumnTypeRegistry.renameTable(connection, pair[0].schema(), pair[0].table(), pair[1].schema(),
                    pair[1].table());
            TablePartitions.renameTable(connection, pair[0].schema(), pair[0].table(), pair[1].schema(),
                    pair[1].table());
            FulltextIndexes.renameTable(connection, pair[0].schema(), pair[0].table(), pair[1].schema(),
                    pair[1].table());
            refreshColumnTriggers(pair[1].schema(), pair[1].table());
            session.server().triggers().tableRenamed(pair[0].schema(), pair[0].table(), pair[1].schema(),
                    pair[1].table());
        }
        commitCatalog(connection);
        executor.ok(0, moreFlag);
    }

    private boolean foreignKeyChecks() {
        Object value = session.variables().get("foreign_key_checks", VariableQualifier.NONE);
        return value == null || !(value.equals(0L) || value.equals(0) || value.equals(Boolean.FALSE)
                || "0".equals(value.toString()) || "OFF".equalsIgnoreCase(value.toString()));
    }

    /**
     * The CREATE TABLE without its foreign keys to tables that do not exist yet; those are kept in
     * {@link PendingForeignKeys} until the referenced table is created.
     */
    private String withoutForwardReferences(String sql, TableName name) throws SQLException {
        List<Token> tokens = Lexer.tokenize(sql);
        int open = name.next();
        while (open < tokens.size() && !tokens.get(open).isSymbol("(")) {
            open++;
        }
        if (open >= tokens.size()) {
            return sql;
        }
        List<List<Token>> elements = ColumnDeclarations.elements(tokens, open);
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < elements.size(); i++) {
            List<Token> element = elements.get(i);
            int references = -1;
            boolean foreignKey = false;
            for (int j = 0; j < element.size(); j++) {
                foreignKey |= element.get(j).isWord("FOREIGN") && j <= 2;
                if (foreignKey && element.get(j).isWord("REFERENCES")) {
                    references = j + 1;
                    break;
                }
            }
            if (references < 0 || !element.get(0).isWord("CONSTRAINT") && !element.get(0).isWord("FOREIGN")) {
                continue;
            }
            TableName target = name(sql, element, references);
            if (!(references + 1 < element.size() && element.get(references + 1).isSymbol("."))) {
                // an unqualified reference names a table of the new table's own database
                target = new TableName(name.schema(), target.table(), target.next());
            }
            boolean self = target.schema().equalsIgnoreCase(name.schema()) && target.table().equalsIgnoreCase(name.table());
            if (self || exists(target)) {
                continue;
            }
            int start = element.get(0).start();
            int end = element.get(element.size() - 1).end();
            PendingForeignKeys.add(target.schema(), target.table(), name.schema(), name.table(),
                    sql.substring(start, end));
            // drop the element with the comma before it (a foreign key never comes first: columns do)
            int cut = start;
            if (i > 0 && !elements.get(i - 1).isEmpty()) {
                cut = elements.get(i - 1).get(elements.get(i - 1).size() - 1).end();
            }
            out.append(sql, copied, cut);
            copied = end;
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    private static String quote(TableName name) {
        return "`" + name.schema().replace("`", "``") + "`.`" + name.table().replace("`", "``") + "`";
    }

    private void runOnEngine(String engineSql, int moreFlag) {
        executor.engine(engineSql, Lexer.tokenize(engineSql), moreFlag);
    }

    private boolean exists(TableName name) throws SQLException {
        try (var statement = session.engineConnection().prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE LOWER(TABLE_SCHEMA) = LOWER(?) AND LOWER(TABLE_NAME) = LOWER(?)")) {
            statement.setString(1, name.schema());
            statement.setString(2, name.table());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** DDL commits in MySQL; the registry's rows are committed with it even inside a transaction. */
    /** The trigger is Java code, which only the engine's administrator may declare. */
    private void refreshColumnTriggers(String schema, String table) throws SQLException {
        try (Connection maintenance = session.server().engine().maintenanceConnection()) {
            JsonColumns.refresh(maintenance, schema, table);
            SetColumns.refresh(maintenance, schema, table);
            CharColumns.refresh(maintenance, schema, table);
        }
    }

    private boolean dropColumnTriggers(String schema, String table) throws SQLException {
        try (Connection maintenance = session.server().engine().maintenanceConnection()) {
            boolean json = JsonColumns.drop(maintenance, schema, table);
            boolean set = SetColumns.drop(maintenance, schema, table);
            return CharColumns.drop(maintenance, schema, table) || set || json;
        }
    }

    private static void commitCatalog(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
