package dev.doppel.server.sql.access;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.catalog.VirtualTables;
import dev.doppel.server.security.PrivilegeChecker;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.parse.ParsedStatement;
import dev.doppel.server.sql.parse.StatementParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The table privileges of a statement passed to the engine, as MySQL 8.4 checks them (1142 naming the missing
 * privileges, 1044 for the database-level CREATE TEMPORARY TABLES):
 * <ul>
 * <li>every table read, in joins, subqueries, derived tables and INSERT/CREATE ... SELECT sources: SELECT;</li>
 * <li>INSERT: INSERT on the target, plus DELETE for REPLACE and UPDATE for ON DUPLICATE KEY UPDATE;</li>
 * <li>UPDATE: UPDATE on the updated tables; in a multi-table UPDATE every other table of the list needs SELECT;</li>
 * <li>DELETE: DELETE on the target; a multi-table DELETE needs SELECT on every table of its list first;</li>
 * <li>CREATE TABLE: CREATE (and INSERT with AS SELECT), LIKE needs SELECT on the source; CREATE INDEX / DROP INDEX:
 * INDEX; CREATE VIEW: CREATE VIEW (and DROP with OR REPLACE); DROP TABLE / VIEW and TRUNCATE: DROP;</li>
 * <li>ALTER TABLE: ALTER, and for a rename DROP on the old and INSERT, CREATE on the new name; RENAME TABLE: ALTER,
 * DROP on the old and INSERT, CREATE on the new name.</li>
 * </ul>
 * Column-level grants do not exist here, so a statement needs no column privileges. Tables of information_schema
 * and performance_schema are not checked, as in MySQL, where they filter their rows instead, but for the
 * performance_schema tables of other sessions' accounts and statements, which need SELECT as in MySQL.
 */
public final class TableAccess {
    private static final Set<String> UNCHECKED_SCHEMAS = Set.of("information_schema", "performance_schema");
    /**
     * The performance_schema tables that show other sessions' accounts and statements: like MySQL, they need SELECT
     * on them (or on performance_schema, or globally); the others filter their rows or are every account's to read.
     */
    private static final Set<String> PRIVILEGED_PERFORMANCE_TABLES = Set.of("accounts", "users", "hosts",
            "events_statements_summary_by_digest", "threads", "status_by_thread", "variables_by_thread",
            "events_statements_current", "events_statements_history", "variables_info");
    /** Whoever holds all of these globally passes every check here, without the statement being looked at. */
    private static final List<String> CHECKED = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP",
            "INDEX", "ALTER", "CREATE TEMPORARY TABLES", "CREATE VIEW");

    private static final Set<String> EXPLAINABLE = Set.of("SELECT", "WITH", "TABLE", "INSERT", "REPLACE", "UPDATE",
            "DELETE");

    private static boolean privilegedPerformanceTable(Need need) {
        return need.database().equalsIgnoreCase("performance_schema") && need.table() != null
                && PRIVILEGED_PERFORMANCE_TABLES.contains(need.table().toLowerCase(Locale.ROOT));
    }

    /** Privileges needed on one table, or (table null) on a database. */
    record Need(Set<String> privileges, String database, String table) {
    }

    private final List<Token> tokens;
    private final TableReferences references;
    private final String schema;
    private final List<Need> needs = new ArrayList<>();

    private TableAccess(List<Token> tokens, String schema) {
        this.tokens = tokens;
        this.references = new TableReferences(tokens);
        this.schema = schema;
    }

    public static void check(List<Token> tokens, Session session) {
        checkOwn(tokens, session);
        ReadOnlySchemaWrites.check(tokens, session);
        // only once the reader may touch the view: before, 1356 would tell an account without rights that it exists
        try {
            ViewDefinitions.check(tokens, session);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the definers of views: " + e.getMessage(), e);
        }
    }

    /** The reader's own privileges on what the statement names. */
    private static void checkOwn(List<Token> tokens, Session session) {
        if ("information_schema".equalsIgnoreCase(session.schema())) {
            unqualifiedInformationSchemaTables(tokens, session.schema());
        }
        if (mentionsEngineSchema(tokens)) {
            for (Need each : needs(tokens, session.schema())) {
                if (ENGINE_SCHEMA.equalsIgnoreCase(each.database())) {
                    // the engine's default schema, where the server keeps its functions: no database of MySQL's
                    throw each.table() == null ? MySqlError.ER_BAD_DB_ERROR.exception(each.database())
                            : MySqlError.ER_NO_SUCH_TABLE.exception(each.database(), each.table());
                }
            }
        }
        if (mentions(tokens, "routines")) {
            for (Need each : needs(tokens, session.schema())) {
                if ("mysql".equalsIgnoreCase(each.database()) && "routines".equalsIgnoreCase(each.table())) {
                    // the stored programs' catalog: MySQL's data dictionary table, which no statement reads or writes
                    throw MySqlError.ER_NO_SYSTEM_TABLE_ACCESS.exception("data dictionary table", "mysql", "routines");
                }
            }
        }
        PrivilegeChecker privileges = session.privileges();
        if (privileges.hasAllGlobal(CHECKED)) {
            return;
        }
        for (Need each : needs(tokens, session.schema())) {
            if (each.database() == null || UNCHECKED_SCHEMAS.contains(each.database().toLowerCase(Locale.ROOT))
                    && !privilegedPerformanceTable(each)) {
                continue;
            }
            if (each.table() == null) {
                for (String privilege : each.privileges()) {
                    privileges.requireDatabase(privilege, each.database());
                }
            } else {
                privileges.requireTable(each.privileges(), each.database(), each.table());
            }
        }
    }

    private static final String ENGINE_SCHEMA = "public";

    private static boolean mentionsEngineSchema(List<Token> tokens) {
        return mentions(tokens, ENGINE_SCHEMA);
    }

    private static boolean mentions(List<Token> tokens, String name) {
        for (Token each : tokens) {
            if (each.isIdentifier() && each.text().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * After USE information_schema, an unqualified name must still be one of MySQL's information_schema tables, not one
     * of the engine's own (SETTINGS, USERS, ...): those are unknown, 1109, as qualified names are (EngineSql).
     */
    private static void unqualifiedInformationSchemaTables(List<Token> tokens, String schema) {
        VirtualTables tables = VirtualTables.current();
        for (Need each : needs(tokens, schema)) {
            if (each.table() != null && schema.equalsIgnoreCase(each.database())
                    && tables.find(schema, each.table()).isEmpty()
                    && !tables.isEngineInformationSchemaTable(each.table())) {
                throw MySqlError.ER_UNKNOWN_TABLE.exception(each.table(), "information_schema");
            }
        }
    }

    /** What the statement needs, in the order MySQL checks it; unqualified tables are in {@code schema}. */
    static List<Need> needs(List<Token> tokens, String schema) {
        if (StatementParser.parses(tokens)) {
            return needs(StatementParser.parse(null, tokens), schema);
        }
        return tokenNeeds(tokens, schema);
    }

    /** What a statement the parser does not read (DDL, TRUNCATE, EXPLAIN) needs, found on its tokens. */
    private static List<Need> tokenNeeds(List<Token> tokens, String schema) {
        TableAccess access = new TableAccess(tokens, schema);
        access.collect();
        return access.needs;
    }

    /**
     * What a view's stored query needs. A view created before its body was parsed may hold a form the parser refuses;
     * its tables are then found on its tokens, as they were when it was created.
     */
    static List<Need> needsOfStoredQuery(List<Token> tokens, String schema) {
        try {
            return needs(tokens, schema);
        } catch (MySqlException notParsed) {
            return tokenNeeds(tokens, schema);
        }
    }

    /** What a parsed query or data change needs: each table it names, for what it does to it, in order. */
    private static List<Need> needs(ParsedStatement parsed, String schema) {
        List<Need> result = new ArrayList<>(parsed.tables().size());
        for (ParsedStatement.TableUse each : parsed.tables()) {
            Set<String> privileges = switch (each.use()) {
                case READ -> Set.of("SELECT");
                case INSERT -> Set.of("INSERT");
                case REPLACE -> Set.of("INSERT", "DELETE");
                case UPSERT -> Set.of("INSERT", "UPDATE");
                case UPDATE, UPDATE_LIST -> Set.of("UPDATE");
                case DELETE -> Set.of("DELETE");
            };
            result.add(new Need(privileges, each.database() != null ? each.database() : schema, each.table()));
        }
        return result;
    }

    private void collect() {
        Token first = tokens.get(0);
        String verb = first.kind() == Token.Kind.WORD ? first.upper() : first.isSymbol("(") ? "SELECT" : "";
        switch (verb) {
            case "SELECT", "WITH", "TABLE", "VALUES" -> reads(0);
            case "CREATE" -> create();
            case "DROP" -> drop();
            case "ALTER" -> alter();
            case "RENAME" -> rename();
            case "EXPLAIN", "DESCRIBE", "DESC" -> explained();
            case "TRUNCATE" -> {
                int index = tokens.size() > 1 && tokens.get(1).isWord("TABLE") ? 2 : 1;
                table(references.name(index), "DROP");
            }
            default -> {
                // other statements name no table the engine would open without the server's own checks
            }
        }
    }

    /** EXPLAIN [ANALYZE] [FORMAT = x] statement needs what the statement needs. */
    private void explained() {
        for (int i = 1; i < Math.min(tokens.size(), 6); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(") || token.kind() == Token.Kind.WORD && EXPLAINABLE.contains(token.upper())) {
                needs.addAll(needs(tokens.subList(i, tokens.size()), schema));
                return;
            }
        }
    }

    private void table(TableReferences.Ref ref, String... privileges) {
        if (ref != null) {
            needs.add(new Need(Set.of(privileges), ref.database() != null ? ref.database() : schema, ref.table()));
        }
    }

    /** Every table read from {@code from} on needs SELECT. */
    private void reads(int from) {
        reads(references.scan(from, tokens.size(), false));
    }

    private void reads(List<TableReferences.Ref> refs) {
        for (TableReferences.Ref each : refs) {
            table(each, "SELECT");
        }
    }

    private void create() {
        int index = 1;
        boolean replace = false;
        boolean temporary = false;
        while (index < tokens.size()) {
            Token token = tokens.get(index);
            if (token.isWord("OR") && index + 1 < tokens.size() && tokens.get(index + 1).isWord("REPLACE")) {
                replace = true;
                index += 2;
            } else if (token.isWord("TEMPORARY")) {
                temporary = true;
                index++;
            } else if (token.isWord("UNIQUE") || token.isWord("FULLTEXT") || token.isWord("SPATIAL")) {
                index++;
            } else if ((token.isWord("ALGORITHM") || token.isWord("DEFINER")) && index + 2 < tokens.size()
                    && tokens.get(index + 1).isSymbol("=")) {
                index += 3;
                while (index + 1 < tokens.size() && (tokens.get(index).isSymbol("@")
                        || tokens.get(index).kind() == Token.Kind.USER_VARIABLE)) {
                    index += tokens.get(index).isSymbol("@") ? 2 : 1;
                }
            } else if (token.isWord("SQL") && index + 2 < tokens.size() && tokens.get(index + 1).isWord("SECURITY")) {
                index += 3;
            } else {
                break;
            }
        }
        if (index >= tokens.size()) {
            return;
        }
        Token kind = tokens.get(index);
        if (kind.isWord("TABLE")) {
            index = skipIfExists(index + 1, true);
            TableReferences.Ref target = references.name(index);
            if (target == null) {
                return;
            }
            int after = references.afterName(index);
            if (temporary) {
                needs.add(new Need(Set.of("CREATE TEMPORARY TABLES"),
                        target.database() != null ? target.database() : schema, null));
            } else {
                table(target, selects(after) ? new String[] {"CREATE", "INSERT"} : new String[] {"CREATE"});
            }
            int like = after < tokens.size() && tokens.get(after).isWord("LIKE") ? after + 1
                    : after + 1 < tokens.size() && tokens.get(after).isSymbol("(") && tokens.get(after + 1).isWord("LIKE")
                    ? after + 2 : -1;
            List<Token> query = DdlExpressions.createTableQuery(tokens);
            if (like > 0) {
                table(references.name(like), "SELECT");
            } else if (query != null) {
                needs.addAll(needs(query, schema));
            } else {
                reads(after);
            }
        } else if (kind.isWord("INDEX")) {
            int on = references.topLevel(index, "ON");
            if (on > 0) {
                table(references.name(on + 1), "INDEX");
            }
        } else if (kind.isWord("VIEW")) {
            TableReferences.Ref view = references.name(index + 1);
            table(view, replace ? new String[] {"DROP", "CREATE VIEW"} : new String[] {"CREATE VIEW"});
            List<Token> query = DdlExpressions.viewQuery(tokens, index);
            if (query != null && StatementParser.parses(query)) {
                needs.addAll(needs(query, schema));
            } else {
                reads(references.afterName(index + 1));
            }
        }
    }

    /** Whether CREATE TABLE ... has a top-level [AS] SELECT (or a parenthesized one). */
    private boolean selects(int from) {
        return references.topLevel(from, "SELECT", "WITH", "TABLE", "VALUES") > 0
                || from < tokens.size() && tokens.get(from).isSymbol("(") && from + 1 < tokens.size()
                && (tokens.get(from + 1).isWord("SELECT") || tokens.get(from + 1).isWord("WITH"))
                || references.topLevel(from, "AS") > 0;
    }

    private int skipIfExists(int index, boolean not) {
        if (index < tokens.size() && tokens.get(index).isWord("IF")) {
            return index + (not ? 3 : 2);
        }
        return index;
    }

    private void drop() {
        int index = 1;
        if (index < tokens.size() && tokens.get(index).isWord("TEMPORARY")) {
            return; // a temporary table belongs to the session
        }
        if (index >= tokens.size()) {
            return;
        }
        Token kind = tokens.get(index);
        if (kind.isWord("TABLE") || kind.isWord("TABLES") || kind.isWord("VIEW")) {
            index = skipIfExists(index + 1, false);
            while (index < tokens.size()) {
                TableReferences.Ref ref = references.name(index);
                if (ref == null) {
                    return;
                }
                table(ref, "DROP");
                index = references.afterName(index);
                if (index < tokens.size() && tokens.get(index).isSymbol(",")) {
                    index++;
                } else {
                    return;
                }
            }
        } else if (kind.isWord("INDEX")) {
            int on = references.topLevel(index, "ON");
            if (on > 0) {
                table(references.name(on + 1), "INDEX");
            }
        }
    }

    private void alter() {
        int index = 1;
        while (index < tokens.size() && (tokens.get(index).isWord("ONLINE") || tokens.get(index).isWord("IGNORE"))) {
            index++;
        }
        if (index >= tokens.size() || !tokens.get(index).isWord("TABLE")) {
            return;
        }
        TableReferences.Ref target = references.name(index + 1);
        if (target == null) {
            return;
        }
        int rename = references.topLevel(index + 1, "RENAME");
        TableReferences.Ref newName = null;
        if (rename > 0 && rename + 1 < tokens.size() && !tokens.get(rename + 1).isWord("COLUMN")
                && !tokens.get(rename + 1).isWord("INDEX") && !tokens.get(rename + 1).isWord("KEY")) {
            int at = tokens.get(rename + 1).isWord("TO") || tokens.get(rename + 1).isWord("AS") ? rename + 2 : rename + 1;
            newName = references.name(at);
        }
        if (newName == null) {
            table(target, "ALTER");
        } else {
            table(target, "ALTER", "DROP");
            table(newName, "INSERT", "CREATE");
        }
    }

    /** RENAME TABLE a TO b [, c TO d]. */
    private void rename() {
        if (tokens.size() < 2 || !tokens.get(1).isWord("TABLE") && !tokens.get(1).isWord("TABLES")) {
            return;
        }
        int index = 2;
        while (index < tokens.size()) {
            TableReferences.Ref from = references.name(index);
            index = references.afterName(index);
            if (from == null || index >= tokens.size() || !tokens.get(index).isWord("TO")) {
                return;
            }
            TableReferences.Ref to = references.name(index + 1);
            table(from, "ALTER", "DROP");
            table(to, "INSERT", "CREATE");
            index = references.afterName(index + 1);
            if (index < tokens.size() && tokens.get(index).isSymbol(",")) {
                index++;
            } else {
                return;
            }
        }
    }
}
