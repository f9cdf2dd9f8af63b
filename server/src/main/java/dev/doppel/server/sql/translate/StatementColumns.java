package dev.doppel.server.sql.translate;

import dev.doppel.server.catalog.TableColumnKinds;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.parse.Keywords;
import dev.doppel.server.sql.parse.ParsedStatement;
import dev.doppel.server.sql.parse.StatementParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The kind of a column a statement names, from the tables it names (catalog.TableColumnKinds, cached per change of
 * tables): for the steps of the engine's spelling whose MySQL meaning depends on a column's type. The tables are
 * read from the statement's parse when first asked for; a name that is unqualified must have the same kind in every
 * table of the statement that has it. What the statement does not tell (a derived table's column, a view's) is
 * UNKNOWN.
 */
final class StatementColumns {
    enum Kind { TEXT, BINARY, OTHER, UNKNOWN }

    private static final Set<String> TABLE_LEADS = Set.of("FROM", "JOIN", "UPDATE", "INTO");

    private final String sql;
    private final List<Token> tokens;
    private final Session session;
    /** The statement's tables, read when a column's kind is first asked for. */
    private List<Named> tables;

    /** A table of the statement, its database spelled out, and its columns. */
    private record Named(ParsedStatement.TableUse use, String database, TableColumnKinds columns) {
    }

    StatementColumns(String sql, List<Token> tokens, Session session) {
        this.sql = sql;
        this.tokens = tokens;
        this.session = session;
    }

    /** A column reference at [from, to): name, table.name or database.table.name. */
    boolean isColumn(int from, int to) {
        if (to - from != 1 && to - from != 3 && to - from != 5) {
            return false;
        }
        for (int i = from; i < to; i++) {
            boolean name = (i - from) % 2 == 0;
            if (name ? !tokens.get(i).isIdentifier() || Keywords.isReserved(tokens.get(i)) : !tokens.get(i).isSymbol(".")) {
                return false;
            }
        }
        return true;
    }

    /** The kind of the column at [from, to); UNKNOWN when it is no column reference or no table of the statement has it. */
    Kind kindOf(int from, int to) {
        if (!isColumn(from, to)) {
            return Kind.UNKNOWN;
        }
        String column = tokens.get(to - 1).text();
        String table = to - from >= 3 ? tokens.get(to - 3).text() : null;
        String database = to - from == 5 ? tokens.get(from).text() : null;
        Kind result = Kind.UNKNOWN;
        for (Named each : tables()) {
            ParsedStatement.TableUse use = each.use();
            boolean named = table == null || (use.alias() != null ? use.alias().equalsIgnoreCase(table)
                    : use.table().equalsIgnoreCase(table)
                    && (database == null || each.database().equalsIgnoreCase(database)));
            if (!named || !each.columns().has(column)) {
                continue;
            }
            Kind kind = each.columns().isBinary(column) ? Kind.BINARY
                    : each.columns().isText(column) ? Kind.TEXT : Kind.OTHER;
            if (result != Kind.UNKNOWN && result != kind) {
                return Kind.UNKNOWN;
            }
            result = kind;
        }
        return result;
    }

    private List<ParsedStatement.TableUse> scannedTables() {
        List<ParsedStatement.TableUse> result = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() != Token.Kind.WORD || !TABLE_LEADS.contains(token.upper())) {
                continue;
            }
            int at = i + 1;
            if (!tokens.get(at).isIdentifier()) {
                continue;
            }
            String database = null;
            String table = tokens.get(at).text();
            if (at + 2 < tokens.size() && tokens.get(at + 1).isSymbol(".") && tokens.get(at + 2).isIdentifier()) {
                database = table;
                table = tokens.get(at + 2).text();
                at += 2;
            }
            at++;
            if (at < tokens.size() && tokens.get(at).isWord("AS")) {
                at++;
            }
            String alias = at < tokens.size() && tokens.get(at).isIdentifier()
                    && !Keywords.isReserved(tokens.get(at)) ? tokens.get(at).text() : null;
            result.add(new ParsedStatement.TableUse(database, table, alias, ParsedStatement.Use.READ, i + 1));
        }
        return result;
    }

    private List<Named> tables() {
        if (tables == null) {
            tables = new ArrayList<>();
            if (session == null || !StatementParser.parses(tokens)) {
                return tables;
            }
            List<ParsedStatement.TableUse> uses;
            try {
                uses = StatementParser.parse(sql, tokens).tables();
            } catch (RuntimeException e) {
                // the engine's forms in a statement the server rewrote already (CAST(? AS INTEGER) of a text SELECT's
                // literal): the tables that follow FROM, JOIN, UPDATE and INTO
                uses = scannedTables();
            }
            try {
                for (ParsedStatement.TableUse use : uses) {
                    String database = use.database() != null ? use.database() : session.schema();
                    TableColumnKinds columns = database == null ? null
                            : TableColumnKinds.of(session::engineConnection, database, use.table());
                    if (columns != null) {
                        tables.add(new Named(use, database, columns));
                    }
                }
            } catch (RuntimeException e) {
                // the catalog cannot be read now: the columns' kinds stay unknown
            }
        }
        return tables;
    }
}
