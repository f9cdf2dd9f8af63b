package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.ColumnKeys;
import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.EngineCatalog;
import dev.doppel.server.catalog.MySqlTypes;
import dev.doppel.server.catalog.StorageEngines;
import dev.doppel.server.catalog.TableInfo;
import dev.doppel.server.catalog.partitions.TablePartitions;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.QueryExecutor;
import dev.doppel.server.sql.access.ViewDefinitions;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.results.TextResult;

import java.sql.SQLException;
import java.util.List;

/**
 * The SHOW statements about tables and databases, in MySQL 8.4's result shapes: CREATE TABLE, CREATE DATABASE,
 * [FULL] COLUMNS/FIELDS (and DESCRIBE), INDEX/INDEXES/KEYS, TABLE STATUS, ENGINES, and the empty TRIGGERS,
 * EVENTS, PROCEDURE STATUS and FUNCTION STATUS of a server without stored programs.
 */
public final class ShowTableStatements {
    static final String COLLATION = "utf8mb4_0900_ai_ci";

    private final Session session;
    private final QueryExecutor executor;
    private final ShowStatement show;

    ShowTableStatements(Session session, QueryExecutor executor, ShowStatement show) {
        this.session = session;
        this.executor = executor;
        this.show = show;
    }

    private record Target(String schema, String table, int next) {
    }

    /** {@code table [FROM|IN db]} or {@code db.table} at {@code index}. */
    private Target target(String sql, List<Token> tokens, int index, boolean fromAllowed) {
        if (index >= tokens.size() || !tokens.get(index).isIdentifier() && tokens.get(index).kind() != Token.Kind.STRING) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        QualifiedName name = QualifiedName.at(tokens, index);
        String schema = name.qualifier();
        String table = name.name();
        index = name.next();
        if (fromAllowed && index + 1 < tokens.size() && (tokens.get(index).isWord("FROM") || tokens.get(index).isWord("IN"))) {
            schema = tokens.get(index + 1).text();
            index += 2;
        }
        if (schema == null) {
            schema = session.schema();
            if (schema == null) {
                throw MySqlError.ER_NO_DB_ERROR.exception();
            }
        }
        return new Target(schema, table, index);
    }

    private TableInfo table(String sql, Target target, String command) {
        if (!session.privileges().canSeeTable(target.schema(), target.table())) {
            throw MySqlError.ER_TABLEACCESS_DENIED_ERROR.exception(command, session.user(), session.host(),
                    target.table());
        }
        try {
            List<TableInfo> found = EngineCatalog.tables(session.engineConnection(), target.schema(), target.table());
            if (found.isEmpty()) {
                if (!session.server().schemaExists(target.schema())) {
                    throw MySqlError.ER_BAD_DB_ERROR.exception(target.schema());
                }
                throw MySqlError.ER_NO_SUCH_TABLE.exception(target.schema(), target.table());
            }
            return found.get(0);
        } catch (SQLException e) {
            throw EngineErrors.translate(e, sql, session.schema());
        }
    }

    /** SHOW CREATE TABLE|DATABASE|SCHEMA ...; {@code index} is the token after CREATE. */
    void create(String sql, List<Token> tokens, int index, int moreFlag) {
        if (index < tokens.size() && (tokens.get(index).isWord("DATABASE") || tokens.get(index).isWord("SCHEMA"))) {
            createDatabase(sql, tokens, index + 1, moreFlag);
            return;
        }
        if (index >= tokens.size() || !(tokens.get(index).isWord("TABLE") || tokens.get(index).isWord("VIEW"))) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        Target target = target(sql, tokens, index + 1, false);
        end(sql, tokens, target.next());
        TableInfo table = table(sql, target, "SHOW");
        if (table.isView()) {
            String kept;
            try {
                kept = ViewDefinitions.showCreate(session, table.schema(), table.name());
            } catch (SQLException e) {
                throw EngineErrors.translate(e, "SHOW CREATE VIEW", session.schema());
            }
            executor.send(TextResult.of("View", "Create View", "character_set_client", "collation_connection")
                    .row(table.name(), kept != null ? kept
                            : "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW "
                            + CreateTableText.quote(table.name()) + " AS " + viewDefinition(table), "utf8mb4",
                            COLLATION), moreFlag);
            return;
        }
        String text = CreateTableText.of(table);
        try {
            TablePartitions.Entry partitioned = TablePartitions.of(session.engineConnection(), table.schema(),
                    table.name());
            if (partitioned != null) {
                text += "\n" + partitioned.scheme().versionedClause();
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(e, "SHOW CREATE TABLE", session.schema());
        }
        executor.send(TextResult.of("Table", "Create Table").row(table.name(), text), moreFlag);
    }

    private String viewDefinition(TableInfo view) {
        try (var statement = session.engineConnection().prepareStatement("SELECT VIEW_DEFINITION FROM"
                + " INFORMATION_SCHEMA.VIEWS WHERE LOWER(TABLE_SCHEMA) = LOWER(?) AND LOWER(TABLE_NAME) = LOWER(?)")) {
            statement.setString(1, view.schema());
            statement.setString(2, view.name());
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : "";
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(e, "SHOW CREATE VIEW", session.schema());
        }
    }

    private void createDatabase(String sql, List<Token> tokens, int index, int moreFlag) {
        boolean ifNotExists = index + 2 < tokens.size() && tokens.get(index).isWord("IF")
                && tokens.get(index + 1).isWord("NOT") && tokens.get(index + 2).isWord("EXISTS");
        if (ifNotExists) {
            index += 3;
        }
        if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        end(sql, tokens, index + 1);
        String name = tokens.get(index).text();
        String shown = null;
        for (String each : session.server().schemas()) {
            if (each.equalsIgnoreCase(name)) {
                shown = each;
            }
        }
        if (shown == null) {
            throw MySqlError.ER_BAD_DB_ERROR.exception(name);
        }
        session.privileges().requireDatabaseAccess(shown);
        String charset = shown.equalsIgnoreCase("information_schema") || shown.equalsIgnoreCase("performance_schema")
                ? "utf8mb3 COLLATE utf8mb3_general_ci" : "utf8mb4 COLLATE " + COLLATION;
        executor.send(TextResult.of("Database", "Create Database").row(shown, "CREATE DATABASE "
                + (ifNotExists ? "/*!32312 IF NOT EXISTS*/ " : "") + CreateTableText.quote(shown)
                + " /*!40100 DEFAULT CHARACTER SET " + charset + " */ /*!80016 DEFAULT ENCRYPTION='N' */"
                + (session.server().schemaOptions().isReadOnly(shown) ? " /* READ ONLY = 1 */" : "")), moreFlag);
    }

    /** SHOW [FULL] COLUMNS|FIELDS FROM t [FROM db] [LIKE|WHERE]; {@code rest} starts after COLUMNS. */
    void columns(String sql, List<Token> rest, boolean full, int moreFlag) {
        if (rest.isEmpty() || !(rest.get(0).isWord("FROM") || rest.get(0).isWord("IN"))) {
            throw Lexer.syntaxError(sql, rest.isEmpty() ? sql.length() : rest.get(0).start());
        }
        Target target = target(sql, rest, 1, true);
        TableInfo table = table(sql, target, "SELECT");
        show.filtered(sql, columnRows(table, full), rest.subList(target.next(), rest.size()), "Field", moreFlag);
    }

    /** DESCRIBE|DESC|EXPLAIN t [column|'wild']. */
    public void describe(String sql, List<Token> tokens, int moreFlag) {
        Target target = target(sql, tokens, 1, false);
        TableInfo table = table(sql, target, "SELECT");
        TextResult rows = columnRows(table, false);
        if (target.next() < tokens.size()) {
            Token column = tokens.get(target.next());
            end(sql, tokens, target.next() + 1);
            TextResult matching = TextResult.of("Field", "Type", "Null", "Key", "Default", "Extra");
            var pattern = dev.doppel.server.config.LikePattern.of(column.text());
            for (String[] each : rows.rows()) {
                if (column.kind() == Token.Kind.STRING ? pattern.matches(each[0]) : each[0].equalsIgnoreCase(column.text())) {
                    matching.row(each);
                }
            }
            rows = matching;
        }
        executor.send(rows, moreFlag);
    }

    private static TextResult columnRows(TableInfo table, boolean full) {
        TextResult result = full
                ? TextResult.of("Field", "Type", "Collation", "Null", "Key", "Default", "Extra", "Privileges", "Comment")
                : TextResult.of("Field", "Type", "Null", "Key", "Default", "Extra");
        for (TableInfo.Column each : table.columns()) {
            String key = ColumnKeys.key(table, each.name());
            String nullable = each.nullable() ? "YES" : "NO";
            String extra = ColumnKeys.extra(each);
            if (full) {
                result.row(each.name(), each.columnType(), each.collation(), nullable, key,
                        each.defaultValue(), extra, "select,insert,update,references",
                        each.comment() == null ? "" : each.comment());
            } else {
                result.row(each.name(), each.columnType(), nullable, key, each.defaultValue(), extra);
            }
        }
        return result;
    }

    /** SHOW INDEX|INDEXES|KEYS FROM t [FROM db] [WHERE ...]. */
    void indexes(String sql, List<Token> rest, int moreFlag) {
        if (rest.isEmpty() || !(rest.get(0).isWord("FROM") || rest.get(0).isWord("IN"))) {
            throw Lexer.syntaxError(sql, rest.isEmpty() ? sql.length() : rest.get(0).start());
        }
        Target target = target(sql, rest, 1, true);
        TableInfo table = table(sql, target, "SELECT");
        TextResult result = TextResult.of("Table", "Non_unique", "Key_name", "Seq_in_index", "Column_name",
                "Collation", "Cardinality", "Sub_part", "Packed", "Null", "Index_type", "Comment", "Index_comment",
                "Visible", "Expression");
        for (TableInfo.Index index : table.indexes()) {
            for (int i = 0; i < index.columns().size(); i++) {
                TableInfo.Column column = table.column(index.columns().get(i));
                result.row(table.name(), index.unique() ? "0" : "1", index.name(), Integer.toString(i + 1),
                        index.columns().get(i), index.fulltext() ? null : "A", Long.toString(table.rows()), null, null,
                        column != null && column.nullable() ? "YES" : "", index.fulltext() ? "FULLTEXT" : "BTREE", "",
                        "", "YES", null);
            }
        }
        List<Token> filter = rest.subList(target.next(), rest.size());
        if (!filter.isEmpty() && !filter.get(0).isWord("WHERE")) {
            throw Lexer.syntaxError(sql, filter.get(0).start());
        }
        show.filtered(sql, result, filter, "Table", moreFlag);
    }

    /** SHOW TABLE STATUS [FROM|IN db] [LIKE|WHERE]; {@code rest} starts after TABLE. */
    void tableStatus(String sql, List<Token> rest, int moreFlag) {
        if (rest.isEmpty() || !rest.get(0).isWord("STATUS")) {
            throw Lexer.syntaxError(sql, rest.isEmpty() ? sql.length() : rest.get(0).start());
        }
        int index = 1;
        String schema = session.schema();
        if (index + 1 < rest.size() && (rest.get(index).isWord("FROM") || rest.get(index).isWord("IN"))) {
            schema = rest.get(index + 1).text();
            index += 2;
        }
        if (schema == null) {
            throw MySqlError.ER_NO_DB_ERROR.exception();
        }
        if (!session.server().schemaExists(schema)) {
            throw MySqlError.ER_BAD_DB_ERROR.exception(schema);
        }
        session.privileges().requireDatabaseAccess(schema);
        TextResult result = TextResult.of("Name", "Engine", "Version", "Row_format", "Rows", "Avg_row_length",
                "Data_length", "Max_data_length", "Index_length", "Data_free", "Auto_increment", "Create_time",
                "Update_time", "Check_time", "Collation", "Checksum", "Create_options", "Comment");
        try {
            java.util.Set<String> partitioned = TablePartitions.all(session.engineConnection()).keySet();
            for (TableInfo each : EngineCatalog.tables(session.engineConnection(), schema, null)) {
                if (!session.privileges().canSeeTable(each.schema(), each.name())) {
                    continue;
                }
                if (each.isView()) {
                    result.row(each.name(), null, null, null, null, null, null, null, null, null, null, null, null,
                            null, null, null, null, "VIEW");
                } else {
                    result.row(each.name(), StorageEngines.DEFAULT, "10", "Dynamic", Long.toString(each.rows()), "0",
                            "16384", "0", "0", "0",
                            each.autoIncrement() == null ? null : Long.toString(each.autoIncrement()), null, null, null,
                            COLLATION, null, partitioned.contains(TablePartitions.tableKey(each.schema(), each.name())) ? "partitioned" : "",
                            each.comment());
                }
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(e, sql, schema);
        }
        show.filtered(sql, result, rest.subList(index, rest.size()), "Name", moreFlag);
    }

    /** SHOW [STORAGE] ENGINES. */
    void engines(String sql, List<Token> rest, int moreFlag) {
        if (!rest.isEmpty()) {
            throw Lexer.syntaxError(sql, rest.get(0).start());
        }
        TextResult result = TextResult.of("Engine", "Support", "Comment", "Transactions", "XA", "Savepoints");
        for (String[] each : StorageEngines.ROWS) {
            result.row(each);
        }
        executor.send(result, moreFlag);
    }

    /** SHOW TRIGGERS / EVENTS / PROCEDURE STATUS / FUNCTION STATUS: this server has no stored programs. */
    void noStoredPrograms(String sql, String what, List<Token> rest, int moreFlag) {
        TextResult result = switch (what) {
            case "TRIGGERS" -> TextResult.of("Trigger", "Event", "Table", "Statement", "Timing", "Created", "sql_mode",
                    "Definer", "character_set_client", "collation_connection", "Database Collation");
            case "EVENTS" -> TextResult.of("Db", "Name", "Definer", "Time zone", "Type", "Execute at", "Interval value",
                    "Interval field", "Starts", "Ends", "Status", "Originator", "character_set_client",
                    "collation_connection", "Database Collation");
            default -> TextResult.of("Db", "Name", "Type", "Definer", "Modified", "Created", "Security_type",
                    "Comment", "character_set_client", "collation_connection", "Database Collation");
        };
        executor.send(result, moreFlag);
    }

    private static void end(String sql, List<Token> tokens, int index) {
        if (index < tokens.size()) {
            throw Lexer.syntaxError(sql, tokens.get(index).start());
        }
    }
}
