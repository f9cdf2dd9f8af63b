package dev.doppel.server.sql.ddl;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.EngineCatalog;
import dev.doppel.server.catalog.FulltextIndexes;
import dev.doppel.server.catalog.KeyNames;
import dev.doppel.server.catalog.MySqlTypes;
import dev.doppel.server.catalog.TableInfo;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineSql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changes of one ALTER TABLE, comma-separated as MySQL takes them. The engine takes one change per statement and
 * commits each, so they run one by one, and when one fails those that ran are undone in reverse order: all or
 * nothing, as in MySQL. A dropped column is renamed aside and dropped after every other change succeeded, so that it
 * can come back. Index names are resolved through the catalog: the engine names them per database
 * ({@link KeyNames}).
 */
public final class AlterTable {
    /** What a change left behind, undone when a later change fails. */
    private interface Undo {
        void run() throws SQLException;
    }

    private static final String ASIDE = "#doppel_dropped_";

    private final Session session;
    private final Connection connection;
    private final String sql;
    private String schema;
    private String table;
    private TableInfo info;
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final List<String> aside = new ArrayList<>();
    /** Keys that lost a dropped column, by name: made again on the columns left before the columns go. */
    private final java.util.Map<String, TableInfo.Index> shrunk = new java.util.LinkedHashMap<>();

    /** {@code sql} is the statement whose tokens the changes are; the table is {@code schema.table}. */
    AlterTable(Session session, String sql, String schema, String table) throws SQLException {
        this.session = session;
        this.connection = session.engineConnection();
        this.sql = sql;
        this.schema = schema;
        this.table = table;
    }

    void run(List<List<Token>> changes) throws SQLException {
        try {
            info();
            for (List<Token> change : changes) {
                if (!change.isEmpty()) {
                    apply(change);
                }
            }
            if (!aside.isEmpty()) {
                for (TableInfo.Index each : shrunk.values()) {
                    if (!each.columns().isEmpty()) {
                        addIndex(each);
                    }
                }
                List<String> quoted = aside.stream().map(CreateTableText::quote).toList();
                execute(alter() + " DROP COLUMN (" + String.join(", ", quoted) + ")");
            }
        } catch (SQLException | RuntimeException e) {
            undoAll();
            throw e;
        }
    }

    private void undoAll() {
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (SQLException e) {
                // best effort: the change that failed is reported, not the undo
            }
        }
    }

    private void apply(List<Token> change) throws SQLException {
        switch (change.get(0).upper()) {
            case "ADD" -> add(change);
            case "DROP" -> drop(change);
            case "MODIFY" -> modify(change, false);
            case "CHANGE" -> modify(change, true);
            case "RENAME" -> rename(change);
            case "ALTER" -> alterColumn(change);
            // MySQL's choice of algorithm and locking: the engine has one way
            case "ALGORITHM", "LOCK" -> {
            }
            default -> {
                if (!AlterTableOptions.FIRST_WORDS.contains(change.get(0).upper())) {
                    execute(alter() + " " + text(change, null));
                    return;
                }
                for (AlterTableOptions.Step step : AlterTableOptions.steps(change, connection, schema, table)) {
                    execute(step.run());
                    undo.push(() -> execute(step.undo()));
                }
            }
        }
    }

    private void add(List<Token> change) throws SQLException {
        int at = 1;
        Token next = token(change, at);
        if (next.isSymbol("(")) {
            List<String> columns = new ArrayList<>();
            for (List<Token> each : ColumnDeclarations.elements(change, at)) {
                if (!each.isEmpty()) {
                    columns.add(newColumn(each.get(0).text()));
                }
            }
            execute(alter() + " " + text(change, null));
            String alter = alter();
            undo.push(() -> execute(alter + " DROP COLUMN (" + String.join(", ", columns) + ")"));
            return;
        }
        FulltextKeys.Key fulltext = FulltextKeys.of(change.subList(at, change.size()));
        if (fulltext != null) {
            FulltextIndexes.Index index = FulltextKeys.checked(fulltext, FulltextKeys.columnTypes(info()),
                    FulltextKeys.names(info()));
            FulltextIndexes.add(connection, schema, table, index);
            info = null;
            String from = schema;
            String in = table;
            undo.push(() -> FulltextIndexes.drop(connection, from, in, index.name()));
            return;
        }
        KeyDefinition key = next.isWord("COLUMN") ? null : KeyDefinition.of(change.subList(at, change.size()));
        if (key == null) {
            String column = newColumn(token(change, next.isWord("COLUMN") ? at + 1 : at).text());
            execute(alter() + " " + text(change, null));
            String alter = alter();
            undo.push(() -> execute(alter + " DROP COLUMN " + column));
            return;
        }
        addKey(change, key);
    }

    private String newColumn(String column) throws SQLException {
        if (info().column(column) != null) {
            throw MySqlError.ER_DUP_FIELDNAME.exception(column);
        }
        return CreateTableText.quote(column);
    }

    private void addKey(List<Token> change, KeyDefinition key) throws SQLException {
        TextEdits edits = new TextEdits();
        String alter = alter();
        Undo drop = null;
        switch (key.kind()) {
            case PRIMARY -> {
                key.name(table, "PRIMARY", edits);
                drop = () -> execute(alter + " DROP PRIMARY KEY");
            }
            case UNIQUE, INDEX -> {
                String name = key.name();
                if (name == null) {
                    name = unusedName(key.firstColumn());
                } else if (info().index(name) != null || shrunk.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                    throw MySqlError.ER_DUP_KEYNAME.exception(name);
                }
                key.name(table, name, edits);
                String engineName = CreateTableText.quote(KeyNames.engineName(table, name));
                String index = CreateTableText.quote(schema) + "." + engineName;
                drop = key.kind() == KeyDefinition.Kind.UNIQUE ? () -> execute(alter + " DROP CONSTRAINT " + engineName)
                        : () -> execute("DROP INDEX " + index);
            }
            case FOREIGN -> {
                String name = key.symbol() != null ? key.symbol().text() : nextForeignKeyName();
                if (key.symbol() == null) {
                    if (change.get(1).isWord("CONSTRAINT")) {
                        edits.insertAfter(change.get(1), CreateTableText.quote(name));
                    } else {
                        edits.insertBefore(key.kindAt(), "CONSTRAINT " + CreateTableText.quote(name));
                    }
                }
                drop = () -> execute(alter + " DROP CONSTRAINT " + CreateTableText.quote(name));
            }
            case CHECK -> {
                if (key.symbol() != null) {
                    String name = CreateTableText.quote(key.symbol().text());
                    drop = () -> execute(alter + " DROP CONSTRAINT " + name);
                }
            }
        }
        execute(alter + " " + text(change, edits));
        if (drop != null) {
            undo.push(drop);
        }
    }

    /** MySQL's name for an unnamed key: its first column, then {@code _2}, {@code _3} ... while taken. */
    private String unusedName(String column) throws SQLException {
        String base = column == null ? "key" : column;
        String name = base;
        for (int n = 2; info().index(name) != null || shrunk.containsKey(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** MySQL's name for an unnamed foreign key: {@code <table>_ibfk_<n>}, one past the highest taken. */
    private String nextForeignKeyName() throws SQLException {
        Pattern generated = Pattern.compile(Pattern.quote(table) + "_ibfk_(\\d+)", Pattern.CASE_INSENSITIVE);
        int highest = 0;
        for (TableInfo.ForeignKey each : info().foreignKeys()) {
            Matcher matcher = generated.matcher(each.name());
            if (matcher.matches()) {
                highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
            }
        }
        return table + "_ibfk_" + (highest + 1);
    }

    private void drop(List<Token> change) throws SQLException {
        Token what = token(change, 1);
        if (what.isWord("INDEX") || what.isWord("KEY")) {
            dropIndex(token(change, 2).text());
        } else if (what.isWord("PRIMARY")) {
            dropIndex("PRIMARY");
        } else if (what.isWord("FOREIGN")) {
            dropForeignKey(token(change, 3).text());
        } else if (what.isWord("CONSTRAINT")) {
            String name = token(change, 2).text();
            TableInfo.Index index = info().index(name);
            if (index != null && index.unique() && !index.primary()) {
                dropIndex(name);
            } else if (info().foreignKey(name) != null) {
                dropForeignKey(name);
            } else {
                execute(alter() + " " + text(change, null));
            }
        } else if (what.isWord("CHECK")) {
            execute(alter() + " DROP CONSTRAINT " + CreateTableText.quote(token(change, 2).text()));
        } else {
            dropColumn(token(change, what.isWord("COLUMN") ? 2 : 1).text());
        }
    }

    /**
     * Sets a column aside to be dropped at the end. As in MySQL, the column leaves every key it is part of, and a key
     * left without columns goes; a column a foreign key needs cannot be dropped (1828).
     */
    private void dropColumn(String column) throws SQLException {
        if (info().column(column) == null) {
            throw MySqlError.ER_CANT_DROP_FIELD_OR_KEY.exception(column);
        }
        for (TableInfo.ForeignKey each : info().foreignKeys()) {
            if (each.columns().stream().anyMatch(column::equalsIgnoreCase)) {
                throw MySqlError.ER_FK_COLUMN_CANNOT_DROP.exception(column, each.name());
            }
        }
        // the engine drops a key of this column alone with it, and refuses to drop a column of a wider key
        for (TableInfo.Index each : List.copyOf(info().indexes())) {
            if (each.fulltext() && each.columns().size() == 1 && each.columns().get(0).equalsIgnoreCase(column)) {
                dropIndex(each.name());
            } else if (each.columns().size() > 1 && each.columns().stream().anyMatch(column::equalsIgnoreCase)) {
                dropIndex(each.name());
                shrunk.put(each.name(), each);
            }
        }
        shrunk.replaceAll((name, each) -> new TableInfo.Index(each.name(), each.primary(), each.unique(),
                each.columns().stream().filter(other -> !other.equalsIgnoreCase(column)).toList(), each.engineIndex(),
                each.engineConstraint(), each.fulltext()));
        String name = CreateTableText.quote(column);
        String renamed = CreateTableText.quote(ASIDE + aside.size() + "_" + column);
        execute(alter() + " RENAME COLUMN " + name + " TO " + renamed);
        aside.add(ASIDE + aside.size() + "_" + column);
        String alter = alter();
        undo.push(() -> execute(alter + " RENAME COLUMN " + renamed + " TO " + name));
    }

    private void dropIndex(String name) throws SQLException {
        TableInfo.Index index = info().index(name);
        if (index == null) {
            throw MySqlError.ER_CANT_DROP_FIELD_OR_KEY.exception(name);
        }
        if (index.fulltext()) {
            FulltextIndexes.drop(connection, schema, table, index.name());
            info = null;
            String from = schema;
            String in = table;
            undo.push(() -> FulltextIndexes.add(connection, from, in,
                    new FulltextIndexes.Index(index.name(), index.columns())));
            return;
        }
        String alter = alter();
        String columns = columnList(index.columns());
        if (index.primary()) {
            execute(alter + " DROP PRIMARY KEY");
            undo.push(() -> execute(alter + " ADD PRIMARY KEY " + columns));
        } else if (index.engineConstraint() != null && index.unique()) {
            String constraint = CreateTableText.quote(index.engineConstraint());
            execute(alter + " DROP CONSTRAINT " + constraint);
            undo.push(() -> execute(alter + " ADD CONSTRAINT " + constraint + " UNIQUE " + columns));
        } else if (index.engineConstraint() != null) {
            throw MySqlError.ER_DROP_INDEX_FK.exception(name);
        } else {
            String engineName = CreateTableText.quote(index.engineIndex());
            execute("DROP INDEX " + CreateTableText.quote(schema) + "." + engineName);
            String create = "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + engineName + " ON " + qualified()
                    + " " + columns;
            undo.push(() -> execute(create));
        }
    }

    /** Makes a key dropped by {@link #dropIndex} again, on the columns it has now. */
    private void addIndex(TableInfo.Index index) throws SQLException {
        if (index.fulltext()) {
            FulltextIndexes.add(connection, schema, table, new FulltextIndexes.Index(index.name(), index.columns()));
            info = null;
            String from = schema;
            String in = table;
            undo.push(() -> FulltextIndexes.drop(connection, from, in, index.name()));
            return;
        }
        String alter = alter();
        String columns = columnList(index.columns());
        if (index.primary()) {
            execute(alter + " ADD PRIMARY KEY " + columns);
            undo.push(() -> execute(alter + " DROP PRIMARY KEY"));
        } else if (index.engineConstraint() != null) {
            String constraint = CreateTableText.quote(index.engineConstraint());
            execute(alter + " ADD CONSTRAINT " + constraint + " UNIQUE " + columns);
            undo.push(() -> execute(alter + " DROP CONSTRAINT " + constraint));
        } else {
            String engineName = CreateTableText.quote(index.engineIndex());
            execute("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + engineName + " ON " + qualified() + " "
                    + columns);
            String drop = "DROP INDEX " + CreateTableText.quote(schema) + "." + engineName;
            undo.push(() -> execute(drop));
        }
    }

    /** Drops a foreign key; its index stays, as in MySQL (the engine drops the index it made for the key). */
    private void dropForeignKey(String name) throws SQLException {
        TableInfo.ForeignKey key = info().foreignKey(name);
        if (key == null) {
            throw MySqlError.ER_CANT_DROP_FIELD_OR_KEY.exception(name);
        }
        TableInfo.Index index = null;
        for (TableInfo.Index each : info().indexes()) {
            if (key.engineName().equalsIgnoreCase(each.engineConstraint())) {
                index = each;
            }
        }
        String alter = alter();
        String constraint = CreateTableText.quote(key.engineName());
        execute(alter + " DROP CONSTRAINT " + constraint);
        String add = alter + " ADD " + foreignKeyDefinition(key) + " NOCHECK";
        undo.push(() -> execute(add));
        if (index != null && info().index(index.name()) == null) {
            String kept = CreateTableText.quote(KeyNames.engineName(table, index.name()));
            execute("CREATE INDEX " + kept + " ON " + qualified() + " " + columnList(index.columns()));
            String dropKept = "DROP INDEX " + CreateTableText.quote(schema) + "." + kept;
            undo.push(() -> execute(dropKept));
        }
    }

    /**
     * MODIFY, and CHANGE as a rename and a MODIFY: the engine's CHANGE COLUMN renames and keeps the old type.
     */
    private void modify(List<Token> change, boolean rename) throws SQLException {
        int at = token(change, 1).isWord("COLUMN") ? 2 : 1;
        String column = token(change, at).text();
        TableInfo.Column old = info().column(column);
        if (old == null) {
            throw MySqlError.ER_BAD_FIELD_ERROR.exception(column, table);
        }
        String alter = alter();
        String name = CreateTableText.quote(column);
        if (rename) {
            String now = CreateTableText.quote(token(change, at + 1).text());
            if (!column.equalsIgnoreCase(token(change, at + 1).text())) {
                execute(alter + " RENAME COLUMN " + name + " TO " + now);
                undo.push(() -> execute(alter + " RENAME COLUMN " + now + " TO " + name));
            }
            at++;
        }
        List<Token> definition = change.subList(at, change.size());
        execute(alter + " MODIFY COLUMN " + text(definition, null));
        String now = CreateTableText.quote(change.get(at).text());
        String back = alter + " MODIFY COLUMN " + now + CreateTableText.column(old).substring(CreateTableText.quote(old.name()).length());
        undo.push(() -> execute(back));
    }

    private void alterColumn(List<Token> change) throws SQLException {
        if (token(change, 1).isWord("INDEX")) {
            execute(alter() + " " + text(change, null));
            return;
        }
        int at = token(change, 1).isWord("COLUMN") ? 2 : 1;
        String column = token(change, at).text();
        TableInfo.Column old = info().column(column);
        if (old == null) {
            throw MySqlError.ER_BAD_FIELD_ERROR.exception(column, table);
        }
        execute(alter() + " " + text(change, null));
        String value = old.defaultValue();
        String back = alter() + " ALTER COLUMN " + CreateTableText.quote(column) + (value == null ? " DROP DEFAULT"
                : " SET DEFAULT " + (!old.defaultIsExpression() ? MySqlTypes.quote(value)
                : value.startsWith("CURRENT_TIMESTAMP") ? value : "(" + value + ")"));
        undo.push(() -> execute(back));
    }

    private void rename(List<Token> change) throws SQLException {
        Token what = token(change, 1);
        if (what.isWord("COLUMN")) {
            String from = token(change, 2).text();
            if (info().column(from) == null) {
                throw MySqlError.ER_BAD_FIELD_ERROR.exception(from, table);
            }
            String to = token(change, 4).text();
            execute(alter() + " " + text(change, null));
            String back = alter() + " RENAME COLUMN " + CreateTableText.quote(to) + " TO " + CreateTableText.quote(from);
            undo.push(() -> execute(back));
        } else if (what.isWord("INDEX") || what.isWord("KEY")) {
            renameIndex(token(change, 2).text(), token(change, 4).text());
        } else {
            int at = what.isWord("TO") || what.isWord("AS") ? 2 : 1;
            String toSchema = schema;
            String toTable = token(change, at).text();
            if (at + 2 < change.size() && change.get(at + 1).isSymbol(".")) {
                toSchema = toTable;
                toTable = token(change, at + 2).text();
            }
            renameTable(toSchema, toTable);
        }
    }

    private void renameTable(String toSchema, String toTable) throws SQLException {
        String fromSchema = schema;
        String fromTable = table;
        execute(alter() + " RENAME TO " + CreateTableText.quote(toSchema) + "." + CreateTableText.quote(toTable));
        schema = toSchema;
        table = toTable;
        info = null;
        RenamedTableKeys.rename(connection, toSchema, fromTable, toTable);
        String back = alter() + " RENAME TO " + CreateTableText.quote(fromSchema) + "." + CreateTableText.quote(fromTable);
        undo.push(() -> {
            execute(back);
            RenamedTableKeys.rename(connection, fromSchema, toTable, fromTable);
        });
    }

    private void renameIndex(String from, String to) throws SQLException {
        TableInfo.Index index = info().index(from);
        if (index == null) {
            throw MySqlError.ER_KEY_DOES_NOT_EXITS.exception(from, table);
        }
        if (!from.equalsIgnoreCase(to) && info().index(to) != null) {
            throw MySqlError.ER_DUP_KEYNAME.exception(to);
        }
        String renamed = CreateTableText.quote(KeyNames.engineName(table, to));
        if (index.engineConstraint() != null && index.unique()) {
            String alter = alter();
            String constraint = CreateTableText.quote(index.engineConstraint());
            execute(alter + " RENAME CONSTRAINT " + constraint + " TO " + renamed);
            undo.push(() -> execute(alter + " RENAME CONSTRAINT " + renamed + " TO " + constraint));
        } else {
            String prefix = CreateTableText.quote(schema) + ".";
            String engineName = CreateTableText.quote(index.engineIndex());
            execute("ALTER INDEX " + prefix + engineName + " RENAME TO " + renamed);
            undo.push(() -> execute("ALTER INDEX " + prefix + renamed + " RENAME TO " + engineName));
        }
    }

    private TableInfo info() throws SQLException {
        if (info == null) {
            List<TableInfo> found = EngineCatalog.tables(connection, schema, table);
            if (found.isEmpty()) {
                throw MySqlError.ER_NO_SUCH_TABLE.exception(schema, table);
            }
            info = found.get(0);
        }
        return info;
    }

    private void execute(String statementSql) throws SQLException {
        info = null;
        String engineSql = EngineSql.rewrite(statementSql, Lexer.tokenize(statementSql), session);
        try (Statement statement = connection.createStatement()) {
            statement.execute(engineSql);
        }
    }

    private String qualified() {
        return CreateTableText.quote(schema) + "." + CreateTableText.quote(table);
    }

    private String alter() {
        return "ALTER TABLE " + qualified();
    }

    private String text(List<Token> change, TextEdits edits) {
        int start = change.get(0).start();
        int end = change.get(change.size() - 1).end();
        return edits == null ? sql.substring(start, end) : edits.apply(sql, start, end);
    }

    private Token token(List<Token> change, int index) {
        if (index >= change.size()) {
            throw Lexer.syntaxError(sql, change.get(change.size() - 1).end());
        }
        return change.get(index);
    }

    /** {@code CONSTRAINT name FOREIGN KEY (...) REFERENCES db.t (...) [ON DELETE ...] [ON UPDATE ...]}, in the engine's names. */
    static String foreignKeyDefinition(TableInfo.ForeignKey key) {
        StringBuilder result = new StringBuilder("CONSTRAINT ").append(CreateTableText.quote(key.engineName()))
                .append(" FOREIGN KEY ").append(columnList(key.columns())).append(" REFERENCES ")
                .append(CreateTableText.quote(key.referencedSchema())).append('.')
                .append(CreateTableText.quote(key.referencedTable())).append(' ').append(columnList(key.referencedColumns()));
        if (key.onDelete() != null) {
            result.append(" ON DELETE ").append(key.onDelete());
        }
        if (key.onUpdate() != null) {
            result.append(" ON UPDATE ").append(key.onUpdate());
        }
        return result.toString();
    }

    private static String columnList(List<String> columns) {
        return "(" + String.join(", ", columns.stream().map(CreateTableText::quote).toList()) + ")";
    }
}
