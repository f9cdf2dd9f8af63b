package dev.doppel.server.sql.owned;

import dev.doppel.server.config.LikePattern;
import dev.doppel.server.config.variables.VariableQualifier;
import dev.doppel.server.config.variables.VariableRow;
import dev.doppel.server.instance.ServerContext;
import dev.doppel.server.security.PrivilegeChecker;
import dev.doppel.server.session.ClientConnection;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.QueryExecutor;
import dev.doppel.server.status.StatusRows;
import dev.doppel.server.sql.access.FunctionAllowlist;
import dev.doppel.server.sql.access.NoDatabase;
import dev.doppel.server.sql.access.TableAccess;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.results.TextResult;
import dev.doppel.server.sql.translate.EngineSql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The SHOW statements of the server core: VARIABLES, STATUS, DATABASES, TABLES, WARNINGS, ERRORS,
 * PROCESSLIST, each with LIKE and (where MySQL allows it) WHERE.
 */
public final class ShowStatement {
    private final Session session;
    private final QueryExecutor executor;
    private final ShowTableStatements tableShows;

    public ShowStatement(Session session, QueryExecutor executor) {
        this.session = session;
        this.executor = executor;
        this.tableShows = new ShowTableStatements(session, executor, this);
    }

    public ShowTableStatements tableShows() {
        return tableShows;
    }

    public void execute(String sql, List<Token> tokens, int moreFlag) {
        int index = 1;
        VariableQualifier scope = VariableQualifier.SESSION;
        boolean full = false;
        if (index < tokens.size() && tokens.get(index).isWord("GLOBAL")) {
            scope = VariableQualifier.GLOBAL;
            index++;
        } else if (index < tokens.size() && (tokens.get(index).isWord("SESSION") || tokens.get(index).isWord("LOCAL"))) {
            index++;
        }
        if (index < tokens.size() && tokens.get(index).isWord("FULL")) {
            full = true;
            index++;
        }
        if (index >= tokens.size()) {
            throw Lexer.syntaxError(sql, sql.length());
        }
        Token what = tokens.get(index);
        List<Token> rest = tokens.subList(index + 1, tokens.size());
        switch (what.upper()) {
            case "VARIABLES" -> filtered(sql, variables(scope, rest), rest, "Variable_name", moreFlag);
            case "STATUS" -> filtered(sql, status(scope), rest, "Variable_name", moreFlag);
            case "DATABASES", "SCHEMAS" -> filtered(sql, databases(), rest, "Database", moreFlag);
            case "WARNINGS", "ERRORS" -> warnings(sql, rest, what.isWord("ERRORS"), moreFlag);
            case "COUNT" -> count(sql, tokens, index, moreFlag);
            case "PROCESSLIST" -> executor.send(processList(full), moreFlag);
            case "TABLES" -> tables(sql, rest, full, moreFlag);
            case "CREATE" -> tableShows.create(sql, tokens, index + 1, moreFlag);
            case "COLUMNS", "FIELDS" -> tableShows.columns(sql, rest, full, moreFlag);
            case "INDEX", "INDEXES", "KEYS" -> tableShows.indexes(sql, rest, moreFlag);
            case "TABLE" -> tableShows.tableStatus(sql, rest, moreFlag);
            case "ENGINES" -> tableShows.engines(sql, rest, moreFlag);
            case "STORAGE" -> tableShows.engines(sql, rest.isEmpty() || !rest.get(0).isWord("ENGINES") ? rest
                    : rest.subList(1, rest.size()), moreFlag);
            case "TRIGGERS", "EVENTS" -> tableShows.noStoredPrograms(sql, what.upper(), rest, moreFlag);
            case "PROCEDURE", "FUNCTION" -> tableShows.noStoredPrograms(sql, "ROUTINES", rest, moreFlag);
            case "PLUGINS" -> {
                if (!rest.isEmpty()) {
                    throw Lexer.syntaxError(sql, rest.get(0).start());
                }
                TextResult result = TextResult.of("Name", "Status", "Type", "Library", "License");
                for (String[] each : session.server().plugins().showPluginsRows()) {
                    result.row(each);
                }
                executor.send(result, moreFlag);
            }
            default -> {
                TextResult replication = ShowReplication.execute(sql, tokens.subList(index, tokens.size()), session);
                if (replication == null) {
                    throw Lexer.syntaxError(sql, what.start());
                }
                executor.send(replication, moreFlag);
            }
        }
    }

    private TextResult variables(VariableQualifier scope, List<Token> rest) {
        TextResult result = TextResult.of("Variable_name", "Value");
        String like = rest.size() == 2 && rest.get(0).isWord("LIKE") ? rest.get(1).text() : null;
        List<VariableRow> rows = session.variables().show(scope, like);
        for (VariableRow each : rows) {
            result.row(each.name(), each.value());
        }
        return result;
    }

    private TextResult status(VariableQualifier scope) {
        TextResult result = TextResult.of("Variable_name", "Value");
        StatusRows.of(session, scope == VariableQualifier.GLOBAL).forEach((name, value) -> result.row(name, value));
        return result;
    }

    /** Without the global SHOW DATABASES privilege, only the databases the account has some privilege on. */
    private TextResult databases() {
        TextResult result = TextResult.of("Database");
        PrivilegeChecker privileges = session.privileges();
        boolean all = privileges.hasGlobal("SHOW DATABASES");
        for (String each : session.server().schemas()) {
            if (all || privileges.canUseDatabase(each)) {
                result.row(each);
            }
        }
        return result;
    }

    /** LIKE filters on the first column; WHERE runs through the engine over the rows. */
    public void filtered(String sql, TextResult rows, List<Token> rest, String firstColumn, int moreFlag) {
        if (rest.isEmpty()) {
            executor.send(rows, moreFlag);
            return;
        }
        if (rest.get(0).isWord("LIKE") && rest.size() == 2 && rest.get(1).kind() == Token.Kind.STRING) {
            LikePattern pattern = LikePattern.of(rest.get(1).text());
            TextResult result = TextResult.of(rows.columns().stream().map(c -> c.name()).toArray(String[]::new));
            for (String[] each : rows.rows()) {
                if (pattern.matches(each[0])) {
                    result.row(each);
                }
            }
            executor.send(result, moreFlag);
            return;
        }
        if (rest.get(0).isWord("WHERE") && rest.size() > 1) {
            String condition = sql.substring(rest.get(1).start());
            // the condition runs on the engine: held to MySQL's grammar, functions and privileges as a query's WHERE
            // is (an engine function and a subquery of any table ran here before)
            String asQuery = "SELECT 1 FROM DUAL WHERE " + condition;
            List<Token> asQueryTokens = Lexer.tokenize(asQuery);
            FunctionAllowlist.check(asQuery, asQueryTokens, session.schema());
            NoDatabase.check(asQueryTokens, session);
            TableAccess.check(asQueryTokens, session);
            String where = EngineSql.rewrite(condition, Lexer.tokenize(condition), session);
            List<String> names = rows.columns().stream().map(c -> c.name()).toList();
            StringBuilder query = new StringBuilder("SELECT * FROM (");
            if (rows.rows().isEmpty()) {
                query.append("SELECT ");
                for (int i = 0; i < names.size(); i++) {
                    query.append(i == 0 ? "" : ", ").append("CAST(NULL AS VARCHAR) AS `").append(names.get(i)).append('`');
                }
                query.append(" WHERE FALSE");
            } else {
                query.append("VALUES ");
                boolean firstRow = true;
                for (String[] each : rows.rows()) {
                    query.append(firstRow ? "(" : ", (");
                    firstRow = false;
                    for (int i = 0; i < each.length; i++) {
                        if (i > 0) {
                            query.append(", ");
                        }
                        EngineSql.appendLiteral(query, each[i]);
                    }
                    query.append(')');
                }
            }
            query.append(") AS t");
            if (!rows.rows().isEmpty()) {
                query.append('(');
                for (int i = 0; i < names.size(); i++) {
                    query.append(i == 0 ? "`" : ", `").append(names.get(i)).append('`');
                }
                query.append(')');
            }
            query.append(" WHERE ").append(where);
            executor.engineQuery(query.toString(), names, moreFlag);
            return;
        }
        throw Lexer.syntaxError(sql, rest.get(0).start());
    }

    /** SHOW WARNINGS | ERRORS [LIMIT [offset,] count | LIMIT count OFFSET offset]: MySQL's grammar has no more. */
    private void warnings(String sql, List<Token> rest, boolean errorsOnly, int moreFlag) {
        long[] window = limit(sql, rest);
        TextResult result = TextResult.of("Level", "Code", "Message");
        long index = 0;
        for (Session.Warning each : session.warnings()) {
            if (!errorsOnly || each.level().equals("Error")) {
                if (index >= window[0] && index - window[0] < window[1]) {
                    result.row(each.level(), Integer.toString(each.code()), each.message());
                }
                index++;
            }
        }
        executor.send(result, moreFlag);
    }

    /** {offset, count} of an optional LIMIT clause that is all of {@code rest}; a syntax error otherwise. */
    private static long[] limit(String sql, List<Token> rest) {
        if (rest.isEmpty()) {
            return new long[] {0, Long.MAX_VALUE};
        }
        boolean plain = rest.size() == 2 && isCount(rest.get(1));
        boolean comma = rest.size() == 4 && isCount(rest.get(1)) && rest.get(2).isSymbol(",") && isCount(rest.get(3));
        boolean offset = rest.size() == 4 && isCount(rest.get(1)) && rest.get(2).isWord("OFFSET") && isCount(rest.get(3));
        if (!rest.get(0).isWord("LIMIT") || !(plain || comma || offset)) {
            Token wrong = rest.get(0).isWord("LIMIT") && rest.size() > 1 ? rest.get(Math.min(rest.size() - 1,
                    isCount(rest.get(1)) ? 2 : 1)) : rest.get(0);
            throw Lexer.syntaxError(sql, wrong.start());
        }
        long first = Long.parseLong(rest.get(1).text());
        return plain ? new long[] {0, first} : comma ? new long[] {first, Long.parseLong(rest.get(3).text())}
                : new long[] {Long.parseLong(rest.get(3).text()), first};
    }

    private static boolean isCount(Token token) {
        return token.kind() == Token.Kind.NUMBER && Token.isDigits(token.text()) && token.text().length() < 19;
    }

    private void count(String sql, List<Token> tokens, int index, int moreFlag) {
        if (tokens.size() != index + 5 || !tokens.get(index + 1).isSymbol("(") || !tokens.get(index + 2).isSymbol("*")
                || !tokens.get(index + 3).isSymbol(")")
                || !(tokens.get(index + 4).isWord("WARNINGS") || tokens.get(index + 4).isWord("ERRORS"))) {
            throw Lexer.syntaxError(sql, tokens.get(index).start());
        }
        boolean errors = tokens.get(index + 4).isWord("ERRORS");
        long count = session.warnings().stream().filter(w -> !errors || w.level().equals("Error")).count();
        String name = errors ? "@@session.error_count" : "@@session.warning_count";
        executor.send(TextResult.of(name).row(Long.toString(count)), moreFlag);
    }

    private TextResult processList(boolean full) {
        TextResult result = TextResult.of("Id", "User", "Host", "db", "Command", "Time", "State", "Info");
        boolean seeAll = session.privileges().hasGlobal("PROCESS");
        for (ServerContext.ConnectionInfo each : session.server().connections()) {
            if (!(each instanceof ClientConnection client) || client.session() == null) {
                continue;
            }
            Session other = client.session();
            if (!seeAll && !other.user().equals(session.user())) {
                continue;
            }
            String info = other.info();
            if (info != null && !full && info.length() > 100) {
                info = info.substring(0, 100);
            }
            result.row(Long.toString(other.id()), other.user(), other.host(), other.schema(), other.command(),
                    Long.toString(other.commandSeconds()), other.command().equals("Sleep") ? "" : "executing", info);
        }
        return result;
    }

    private void tables(String sql, List<Token> rest, boolean full, int moreFlag) {
        String schema = session.schema();
        int index = 0;
        if (index + 1 < rest.size() && (rest.get(index).isWord("FROM") || rest.get(index).isWord("IN"))) {
            schema = rest.get(index + 1).text();
            index += 2;
        }
        if (schema == null) {
            throw dev.doppel.plugin.MySqlError.ER_NO_DB_ERROR.exception();
        }
        PrivilegeChecker privileges = session.privileges();
        privileges.requireDatabaseAccess(schema);
        if (!session.server().schemaExists(schema)) {
            throw dev.doppel.plugin.MySqlError.ER_BAD_DB_ERROR.exception(schema);
        }
        String column = "Tables_in_" + schema;
        TextResult rows = full ? TextResult.of(column, "Table_type") : TextResult.of(column);
        if (dev.doppel.server.catalog.VirtualTables.isVirtualSchema(schema)) {
            for (String each : dev.doppel.server.catalog.VirtualTables.current().names(schema)) {
                rows.row(full ? new String[] {each, "SYSTEM VIEW"} : new String[] {each});
            }
            filtered(sql, rows, rest.subList(index, rest.size()), column, moreFlag);
            return;
        }
        try {
            Connection connection = session.engineConnection();
            try (var statement = connection.prepareStatement("SELECT TABLE_NAME, TABLE_TYPE FROM"
                    + " INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_SCHEMA) = LOWER(?)"
                    + " AND TABLE_TYPE NOT LIKE '%TEMPORARY' ORDER BY TABLE_NAME")) {
                statement.setString(1, schema);
                try (ResultSet tables = statement.executeQuery()) {
                    while (tables.next()) {
                        if (!privileges.canSeeTable(schema, tables.getString(1))) {
                            continue;
                        }
                        String type = "VIEW".equals(tables.getString(2)) ? "VIEW" : "BASE TABLE";
                        if (full) {
                            rows.row(tables.getString(1), type);
                        } else {
                            rows.row(tables.getString(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw EngineErrors.translate(e, sql, schema);
        }
        filtered(sql, rows, rest.subList(index, rest.size()), column, moreFlag);
    }
}
