package dev.doppel.server.sql.explain;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.EngineCatalog;
import dev.doppel.server.catalog.TableInfo;
import dev.doppel.server.engine.plan.PlannedAccess;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.QueryExecutor;
import dev.doppel.server.sql.access.EngineStatementKinds;
import dev.doppel.server.sql.access.TableAccess;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.results.TextResult;
import dev.doppel.server.sql.translate.EnginePipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * EXPLAIN [FORMAT = TRADITIONAL] statement: MySQL's table of how the statement reads its tables (id, select_type,
 * table, partitions, type, possible_keys, key, key_len, ref, rows, filtered, Extra), from the engine's plan of the
 * translated statement (engine.plan), with the keys named as MySQL names them. The engine's own EXPLAIN answered
 * with its plan text, its internal index names and its SQL; no client sees that now.
 */
public final class ExplainStatement {
    /** Words after EXPLAIN that start a statement to explain. */
    public static final Set<String> EXPLAINABLE = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "TABLE",
            "WITH", "VALUES", "(", "FORMAT", "ANALYZE", "FOR", "EXTENDED", "PARTITIONS");

    /** The statements EXPLAIN explains. */
    private static final Set<String> STATEMENTS = Set.of("SELECT", "WITH", "TABLE", "VALUES", "INSERT", "REPLACE",
            "UPDATE", "DELETE");

    private final Session session;
    private final QueryExecutor executor;
    private final Map<String, TableInfo> tables = new HashMap<>();

    public ExplainStatement(Session session, QueryExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    public void execute(String sql, List<Token> tokens, int moreFlag) {
        int index = 1;
        if (tokens.get(index).isWord("ANALYZE")) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.exception("EXPLAIN ANALYZE");
        }
        if (tokens.get(index).isWord("FOR")) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.exception("EXPLAIN FOR CONNECTION");
        }
        if (tokens.get(index).isWord("EXTENDED") || tokens.get(index).isWord("PARTITIONS")) {
            throw Lexer.syntaxError(sql, tokens.get(index).start());
        }
        if (tokens.get(index).isWord("FORMAT")) {
            if (index + 2 >= tokens.size() || !tokens.get(index + 1).isSymbol("=")) {
                throw Lexer.syntaxError(sql, tokens.get(Math.min(index + 1, tokens.size() - 1)).start());
            }
            String format = tokens.get(index + 2).text().toUpperCase(Locale.ROOT);
            if (format.equals("JSON") || format.equals("TREE")) {
                throw MySqlError.ER_NOT_SUPPORTED_YET.exception("EXPLAIN FORMAT=" + format);
            }
            if (!format.equals("TRADITIONAL")) {
                throw MySqlError.ER_UNKNOWN_EXPLAIN_FORMAT.exception(tokens.get(index + 2).text());
            }
            index += 3;
        }
        if (index >= tokens.size()) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        Token verb = tokens.get(index);
        if (!verb.isSymbol("(") && !(verb.kind() == Token.Kind.WORD && STATEMENTS.contains(verb.upper()))) {
            throw Lexer.syntaxError(sql, verb.start());
        }
        EngineStatementKinds.check(sql, tokens, session.schema());
        TableAccess.check(tokens, session);
        String explained = sql.substring(tokens.get(index).start());
        List<PlannedAccess> plan;
        try {
            Connection connection = session.engineConnection();
            String engineSql = EnginePipeline.engineSql(new SqlText(explained, Lexer.tokenize(explained)), session);
            plan = session.server().engine().plan(connection, engineSql);
        } catch (SQLException e) {
            throw EngineErrors.translate(e, explained, session.schema());
        }
        TextResult rows = TextResult.of("id", "select_type", "table", "partitions", "type", "possible_keys", "key",
                "key_len", "ref", "rows", "filtered", "Extra");
        for (PlannedAccess each : plan) {
            rows.row(row(each));
        }
        executor.send(rows, moreFlag);
    }

    private String[] row(PlannedAccess access) {
        String key = null;
        String keyLength = null;
        if (access.engineIndex() != null) {
            TableInfo table = table(access.schema(), access.engineTable());
            key = table == null ? access.engineIndex() : keyName(table, access.engineIndex());
            Integer length = table == null ? null : KeyLengths.of(table, access.keyColumns());
            keyLength = length == null ? null : length.toString();
        }
        List<String> extra = new ArrayList<>();
        if (access.usingWhere()) {
            extra.add("Using where");
        }
        extra.addAll(access.extra());
        boolean filteredByWhere = access.usingWhere() && "ALL".equals(access.type());
        return new String[] {access.id() == 0 ? null : Integer.toString(access.id()), access.selectType(),
                access.table(), null, access.type(), key, key, keyLength, access.ref(),
                access.rows() == null ? null : access.rows().toString(),
                access.table() == null || access.rows() == null ? null : filteredByWhere ? "10.00" : "100.00",
                extra.isEmpty() ? null : String.join("; ", extra)};
    }

    private TableInfo table(String schema, String table) {
        return tables.computeIfAbsent(schema + "." + table, name -> {
            try {
                List<TableInfo> found = EngineCatalog.tables(session.engineConnection(), schema, table);
                return found.isEmpty() ? null : found.get(0);
            } catch (SQLException e) {
                return null;
            }
        });
    }

    /** MySQL's name of the key the engine's index serves: PRIMARY, the key's own name. */
    private static String keyName(TableInfo table, String engineIndex) {
        for (TableInfo.Index each : table.indexes()) {
            if (engineIndex.equalsIgnoreCase(each.engineIndex()) || engineIndex.equalsIgnoreCase(each.engineConstraint())) {
                return each.name();
            }
        }
        return engineIndex;
    }
}
