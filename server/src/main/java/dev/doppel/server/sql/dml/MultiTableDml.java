package dev.doppel.server.sql.dml;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.access.TableReferences;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.EngineSql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Multi-table UPDATE and DELETE, which the engine lacks: {@code UPDATE a JOIN b ON ... SET a.x = b.y WHERE ...},
 * {@code UPDATE a, b SET ...}, {@code DELETE a, b FROM a JOIN b ...} and {@code DELETE FROM a USING a JOIN b ...}.
 * One join query reads, for each target table, the engine's row id of the matching rows (the first match of
 * a row wins, so each row is changed once, as in MySQL) and the new values computed from the joined row; then the
 * rows are updated or deleted by row id. All of it is one unit: a failure leaves nothing changed.
 */
public final class MultiTableDml {
    private static final Set<String> MODIFIERS = Set.of("LOW_PRIORITY", "QUICK", "IGNORE");

    /** The OK of the statement: affected rows and, for an UPDATE, MySQL's info text. */
    public record Result(long affected, String info) {
    }

    /** One assignment {@code [qualifier.]column = value} of an UPDATE; {@code value} is its text, null for DEFAULT. */
    private record Assignment(String qualifier, String column, String value) {
    }

    /** A table the statement changes, with its assignments (UPDATE) and the rows found: row id → new values. */
    private static final class Target {
        final TableReferences.Ref ref;
        final List<Assignment> assignments = new ArrayList<>();
        final Map<Object, Object[]> rows = new LinkedHashMap<>();
        long unchanged;
        int firstColumn;

        Target(TableReferences.Ref ref) {
            this.ref = ref;
        }
    }

    private final Session session;
    private final String sql;
    private final List<Token> tokens;
    private final TableReferences references;

    private MultiTableDml(Session session, String sql, List<Token> tokens) {
        this.session = session;
        this.sql = sql;
        this.tokens = tokens;
        this.references = new TableReferences(tokens);
    }

    /** Whether the statement is a multi-table UPDATE or DELETE. */
    public static boolean matches(List<Token> tokens) {
        if (tokens.size() < 4) {
            return false;
        }
        boolean update = tokens.get(0).isWord("UPDATE");
        if (!update && !tokens.get(0).isWord("DELETE")) {
            return false;
        }
        TableReferences references = new TableReferences(tokens);
        int start = skipModifiers(tokens);
        if (update) {
            int set = references.topLevel(start, "SET");
            for (int i = start; i < set; i++) {
                if (tokens.get(i).isWord("JOIN") || tokens.get(i).isWord("STRAIGHT_JOIN")) {
                    return true;
                }
            }
            return set > 0 && references.topLevel(start, ",") > 0 && references.topLevel(start, ",") < set;
        }
        if (start >= tokens.size()) {
            return false;
        }
        if (tokens.get(start).isWord("FROM")) {
            return references.topLevel(start + 1, "USING") > 0;
        }
        return references.topLevel(start, "FROM") > start;
    }

    /**
     * Runs the statement; {@code failure} makes an engine failure MySQL's error, as for every statement the session
     * runs (a statement stopped for memory, a full disk, KILL QUERY or max_execution_time included).
     */
    public static Result execute(Session session, String sql, List<Token> tokens,
                                 Function<SQLException, MySqlException> failure) {
        try {
            return new MultiTableDml(session, sql, tokens).run();
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    private static int skipModifiers(List<Token> tokens) {
        int index = 1;
        while (index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD
                && MODIFIERS.contains(tokens.get(index).upper())) {
            index++;
        }
        return index;
    }

    private Result run() throws SQLException {
        boolean update = tokens.get(0).isWord("UPDATE");
        int start = skipModifiers(tokens);
        int listStart;
        int listEnd;
        List<Target> targets = new ArrayList<>();
        int where = references.topLevel(start, "WHERE");
        int end = tokens.size();
        if (update) {
            listStart = start;
            listEnd = references.topLevel(start, "SET");
            int after = where > 0 ? where : listEnd;
            for (String word : new String[] {"ORDER", "LIMIT"}) {
                if (references.topLevel(after, word) > 0) {
                    throw MySqlError.ER_WRONG_USAGE.exception("UPDATE", word.equals("ORDER") ? "ORDER BY" : "LIMIT");
                }
            }
        } else {
            boolean using = tokens.get(start).isWord("FROM");
            int namesStart = using ? start + 1 : start;
            listStart = (using ? references.topLevel(namesStart, "USING") : references.topLevel(namesStart, "FROM")) + 1;
            listEnd = where > 0 ? where : end;
            for (String word : new String[] {"ORDER", "LIMIT"}) {
                int at = references.topLevel(listStart, word);
                if (at > 0) {
                    throw Lexer.syntaxError(sql, tokens.get(at).start());
                }
            }
            List<TableReferences.Ref> all = references.scan(listStart, listEnd, true);
            for (int i = namesStart; i < listStart - 1; i++) {
                TableReferences.Ref name = references.name(i);
                if (name == null) {
                    continue;
                }
                targets.add(new Target(resolve(name, all)));
                i = references.afterName(i) - 1;
                if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".") && tokens.get(i + 2).isSymbol("*")) {
                    i += 2;
                }
            }
        }
        String list = DmlClauses.text(sql, tokens, listStart, listEnd);
        String condition = where > 0 ? " WHERE " + DmlClauses.text(sql, tokens, where + 1, end) : "";
        Connection connection = session.engineConnection();
        if (update) {
            targets = assignments(connection, references.scan(listStart, listEnd, true), listEnd + 1,
                    where > 0 ? where : end);
        }
        return apply(connection, update, targets, "SELECT " + selectList(update, targets) + " FROM " + list
                + condition);
    }

    /** A DELETE's target named as in the table list: by its alias, or by its name when it has none. */
    private TableReferences.Ref resolve(TableReferences.Ref name, List<TableReferences.Ref> all) {
        for (TableReferences.Ref each : all) {
            boolean same = name.database() == null ? each.visibleName().equalsIgnoreCase(name.table())
                    : each.alias() == null && name.database().equalsIgnoreCase(String.valueOf(each.database()))
                    && each.table().equalsIgnoreCase(name.table());
            if (same) {
                return each;
            }
        }
        throw MySqlError.ER_UNKNOWN_TABLE.exception(name.table(), "MULTI DELETE");
    }

    /** The UPDATE's targets: the tables of the list its assignments name, each with its assignments. */
    private List<Target> assignments(Connection connection, List<TableReferences.Ref> all, int from, int to)
            throws SQLException {
        Map<TableReferences.Ref, Target> targets = new LinkedHashMap<>();
        for (List<Token> item : TokenRanges.splitAtCommas(tokens, from, to)) {
            int equals = -1;
            for (int i = 0; i < item.size() && equals < 0; i++) {
                equals = item.get(i).isSymbol("=") ? i : -1;
            }
            if (equals < 1 || equals + 1 >= item.size()) {
                throw Lexer.syntaxError(sql, item.isEmpty() ? sql.length() : item.get(0).start());
            }
            String column = item.get(equals - 1).text();
            String qualifier = equals >= 3 && item.get(equals - 2).isSymbol(".") ? item.get(equals - 3).text() : null;
            boolean isDefault = equals + 2 == item.size() && item.get(equals + 1).isWord("DEFAULT");
            String value = isDefault ? null
                    : sql.substring(item.get(equals + 1).start(), item.get(item.size() - 1).end());
            TableReferences.Ref ref = qualifier != null ? byName(all, qualifier, column) : byColumn(connection, all, column);
            targets.computeIfAbsent(ref, Target::new).assignments.add(new Assignment(qualifier, column, value));
        }
        return new ArrayList<>(targets.values());
    }

    private static TableReferences.Ref byName(List<TableReferences.Ref> all, String qualifier, String column) {
        for (TableReferences.Ref each : all) {
            if (each.visibleName().equalsIgnoreCase(qualifier)) {
                return each;
            }
        }
        throw MySqlError.ER_BAD_FIELD_ERROR.exception(qualifier + "." + column, "field list");
    }

    /** The one table of the list that has an unqualified assigned column. */
    private TableReferences.Ref byColumn(Connection connection, List<TableReferences.Ref> all, String column)
            throws SQLException {
        TableReferences.Ref found = null;
        for (TableReferences.Ref each : all) {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM INFORMATION_SCHEMA.COLUMNS"
                    + " WHERE LOWER(TABLE_SCHEMA) = LOWER(?) AND LOWER(TABLE_NAME) = LOWER(?)"
                    + " AND LOWER(COLUMN_NAME) = LOWER(?)")) {
                select.setString(1, schemaOf(each));
                select.setString(2, each.table());
                select.setString(3, column);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        if (found != null) {
                            throw MySqlError.ER_NON_UNIQ_ERROR.exception(column, "field list");
                        }
                        found = each;
                    }
                }
            }
        }
        if (found == null) {
            throw MySqlError.ER_BAD_FIELD_ERROR.exception(column, "field list");
        }
        return found;
    }

    /** For each target: its row id, then (UPDATE) whether the row keeps its values, then each new value. */
    private String selectList(boolean update, List<Target> targets) {
        List<String> items = new ArrayList<>();
        for (Target target : targets) {
            String name = quote(target.ref.visibleName());
            target.firstColumn = items.size() + 1;
            items.add(name + "._rowid_");
            if (!update) {
                continue;
            }
            List<String> same = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (Assignment each : target.assignments) {
                if (each.value() == null) {
                    same.add("FALSE");
                    continue;
                }
                String column = name + "." + quote(each.column());
                String value = "(" + TextColumnValues.checkedValue(session, schemaOf(target.ref), target.ref.table(),
                        each.column(), each.value()) + ")";
                // compared as values and as text, so that a change of case or of trailing zeros counts
                same.add("(" + column + " IS NOT DISTINCT FROM " + value + " AND CAST(" + column
                        + " AS VARCHAR) IS NOT DISTINCT FROM CAST(" + value + " AS VARCHAR))");
                values.add(value);
            }
            items.add("(" + String.join(" AND ", same) + ")");
            items.addAll(values);
        }
        return String.join(", ", items);
    }

    private Result apply(Connection connection, boolean update, List<Target> targets, String select)
            throws SQLException {
        return StatementAtomicity.run(connection, () -> {
            read(connection, update, targets, select);
            long affected = 0;
            long matched = 0;
            long unchanged = 0;
            for (Target target : targets) {
                if (update) {
                    affected += updateRows(connection, target);
                    matched += target.rows.size();
                    unchanged += target.unchanged;
                } else {
                    affected += deleteRows(connection, target);
                }
            }
            if (!update) {
                return new Result(affected, null);
            }
            return new Result(ChangedRows.affected(session, matched, unchanged),
                    ChangedRows.info(matched, unchanged, session.warnings().size()));
        });
    }

    private void read(Connection connection, boolean update, List<Target> targets, String select)
            throws SQLException {
        String engineSql = EngineSql.rewrite(select, Lexer.tokenize(select), session);
        try (Statement statement = connection.createStatement(); ResultSet rows = running(statement,
                () -> statement.executeQuery(engineSql))) {
            while (rows.next()) {
                for (Target target : targets) {
                    Object rowId = rows.getObject(target.firstColumn);
                    if (rowId == null || target.rows.containsKey(rowId)) {
                        continue;
                    }
                    if (!update) {
                        target.rows.put(rowId, new Object[0]);
                        continue;
                    }
                    if (rows.getBoolean(target.firstColumn + 1)) {
                        target.unchanged++;
                        target.rows.put(rowId, null);
                        continue;
                    }
                    int count = (int) target.assignments.stream().filter(a -> a.value() != null).count();
                    Object[] values = new Object[count];
                    for (int i = 0; i < count; i++) {
                        values[i] = rows.getObject(target.firstColumn + 2 + i);
                    }
                    target.rows.put(rowId, values);
                }
            }
        }
    }

    /** Writes the new values of the rows that change; returns how many. */
    private long updateRows(Connection connection, Target target) throws SQLException {
        List<String> sets = new ArrayList<>();
        for (Assignment each : target.assignments) {
            sets.add(quote(each.column()) + " = " + (each.value() == null ? "DEFAULT" : "?"));
        }
        long changed = 0;
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + table(target.ref) + " SET "
                + String.join(", ", sets) + " WHERE _rowid_ = ?")) {
            for (Map.Entry<Object, Object[]> row : target.rows.entrySet()) {
                Object[] values = row.getValue();
                if (values == null) {
                    continue;
                }
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.setObject(values.length + 1, row.getKey());
                statement.addBatch();
                changed++;
            }
            if (changed > 0) {
                running(statement, statement::executeBatch);
            }
        }
        return changed;
    }

    private long deleteRows(Connection connection, Target target) throws SQLException {
        long deleted = 0;
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + table(target.ref)
                + " WHERE _rowid_ = ?")) {
            for (Object rowId : target.rows.keySet()) {
                statement.setObject(1, rowId);
                // one by one: a row an earlier delete removed through a foreign key is not counted
                deleted += running(statement, statement::executeUpdate);
            }
        }
        return deleted;
    }

    /** An engine call of the session's statement, registered while it runs: KILL QUERY and the guards reach it. */
    private <T> T running(Statement statement, EngineCall<T> call) throws SQLException {
        Supplier<String> write = session.writing(); // the statement's mark as a write outlives each engine call
        session.running(statement);
        try {
            return call.run();
        } finally {
            session.running(null);
            session.writes(write);
        }
    }

    private interface EngineCall<T> {
        T run() throws SQLException;
    }

    private String schemaOf(TableReferences.Ref ref) {
        return ref.database() != null ? ref.database() : session.schema();
    }

    private String table(TableReferences.Ref ref) {
        return quote(schemaOf(ref)) + "." + quote(ref.table());
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
