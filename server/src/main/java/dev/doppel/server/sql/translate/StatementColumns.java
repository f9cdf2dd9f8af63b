package dev.doppel.server.sql.translate;

import dev.doppel.server.catalog.TableColumnKinds;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.access.TableReferences;
import dev.doppel.server.sql.parse.Keywords;
import dev.doppel.server.sql.parse.ParsedStatement;
import dev.doppel.server.sql.parse.StatementParser;

import java.util.ArrayList;
import java.util.List;

/**
 * The kind of a column a statement names, from the tables it names (catalog.TableColumnKinds, cached per change of
 * tables): for the steps of the engine's spelling whose MySQL meaning depends on a column's type. The tables are
 * read from the statement's parse when first asked for; a name that is unqualified must have the same kind in every
 * table of the statement that has it. What the statement does not tell (a derived table's column, a view's) is
 * UNKNOWN.
 */
public final class StatementColumns {
    public enum Kind { TEXT, BINARY, NARROW_INTEGER, OTHER, UNKNOWN }

    private final String sql;
    private final List<Token> tokens;
    private final Session session;
    /** The statement's tables, read when a column's kind is first asked for. */
    private List<Named> tables;

    /** A table of the statement, its database spelled out, and its columns. */
    private record Named(String table, String alias, String database, TableColumnKinds columns) {
    }

    public StatementColumns(String sql, List<Token> tokens, Session session) {
        this.sql = sql;
        this.tokens = tokens;
        this.session = session;
    }

    /** A column reference at [from, to): name, table.name or database.table.name. */
    public boolean isColumn(int from, int to) {
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

    /**
     * How to name the table of the statement that has an unqualified {@code column}: its alias, or its database and
     * name; null when no table has it or more than one does.
     */
    String qualifierOf(String column) {
        String found = null;
        for (Named each : tables()) {
            if (each.columns().has(column)) {
                if (found != null) {
                    return null;
                }
                found = each.alias() != null ? quote(each.alias()) : quote(each.database()) + "." + quote(each.table());
            }
        }
        return found;
    }

    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * A column reference resolved to the one table of the statement that has it: the table's database, name and
     * alias (null without one), the column's name as the table spells it, and the table's columns.
     */
    public record Resolved(String database, String table, String alias, String column, TableColumnKinds columns) {
        /** The table as MySQL names it in messages: database.alias or database.table. */
        public String qualified() {
            return database + "." + (alias != null ? alias : table);
        }
    }

    /** The table column the reference at [from, to) names; null when it is none, or more than one table has it. */
    public Resolved resolve(int from, int to) {
        if (!isColumn(from, to)) {
            return null;
        }
        String column = tokens.get(to - 1).text();
        String table = to - from >= 3 ? tokens.get(to - 3).text() : null;
        String database = to - from == 5 ? tokens.get(from).text() : null;
        Resolved found = null;
        for (Named each : tables()) {
            String spelled = names(each, table, database) ? spelling(each.columns(), column) : null;
            if (spelled == null) {
                continue;
            }
            if (found != null) {
                return null;
            }
            found = new Resolved(each.database(), each.table(), each.alias(), spelled, each.columns());
        }
        return found;
    }

    /** Whether a reference qualified by {@code table} (null: unqualified) and {@code database} means the table. */
    private static boolean names(Named each, String table, String database) {
        return table == null || (each.alias() != null ? each.alias().equalsIgnoreCase(table)
                : each.table().equalsIgnoreCase(table)
                && (database == null || each.database().equalsIgnoreCase(database)));
    }

    private static String spelling(TableColumnKinds columns, String column) {
        for (String each : columns.order()) {
            if (each.equalsIgnoreCase(column)) {
                return each;
            }
        }
        return null;
    }

    /** The statement's tables as the catalog knows them; a table it does not know is missing. */
    public List<Resolved> tablesRead() {
        List<Resolved> result = new ArrayList<>();
        for (Named each : tables()) {
            result.add(new Resolved(each.database(), each.table(), each.alias(), null, each.columns()));
        }
        return result;
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
            boolean named = names(each, table, database);
            if (!named || !each.columns().has(column)) {
                continue;
            }
            Kind kind = each.columns().isBinary(column) ? Kind.BINARY
                    : each.columns().isText(column) ? Kind.TEXT
                    : each.columns().isNarrowInteger(column) ? Kind.NARROW_INTEGER : Kind.OTHER;
            if (result != Kind.UNKNOWN && result != kind) {
                return Kind.UNKNOWN;
            }
            result = kind;
        }
        return result;
    }

    /**
     * The tables of a statement the parser does not read (the engine's forms in a statement the server rewrote
     * already, as CAST(? AS INTEGER) for a text SELECT's literal), found on its tokens as the first wall finds them.
     */
    private List<Named> scannedTables() {
        TableReferences references = new TableReferences(tokens);
        List<TableReferences.Ref> refs = new ArrayList<>(references.scan(0, tokens.size(), false));
        Token first = tokens.get(0);
        if (first.isWord("UPDATE")) {
            int start = 1;
            while (start < tokens.size()
                    && (tokens.get(start).isWord("LOW_PRIORITY") || tokens.get(start).isWord("IGNORE"))) {
                start++;
            }
            refs.addAll(references.scan(start, tokens.size(), true));
        } else if (first.isWord("INSERT") || first.isWord("REPLACE")) {
            int into = references.topLevel(1, "INTO");
            TableReferences.Ref target = into < 0 ? null : references.name(into + 1);
            if (target != null) {
                refs.add(target);
            }
        }
        List<Named> result = new ArrayList<>();
        for (TableReferences.Ref ref : refs) {
            add(result, ref.database(), ref.table(), ref.alias());
        }
        return result;
    }

    private void add(List<Named> result, String database, String table, String alias) {
        String schema = database != null ? database : session.schema();
        TableColumnKinds columns = schema == null ? null : TableColumnKinds.of(session::engineConnection, schema, table);
        if (columns != null) {
            result.add(new Named(table, alias, schema, columns));
        }
    }

    private List<Named> tables() {
        if (tables == null) {
            tables = new ArrayList<>();
            if (session == null || !StatementParser.parses(tokens)) {
                return tables;
            }
            try {
                List<ParsedStatement.TableUse> uses;
                try {
                    uses = StatementParser.parse(sql, tokens).tables();
                } catch (RuntimeException e) {
                    tables = scannedTables();
                    return tables;
                }
                for (ParsedStatement.TableUse use : uses) {
                    add(tables, use.database(), use.table(), use.alias());
                }
            } catch (RuntimeException e) {
                // the catalog cannot be read now: the columns' kinds stay unknown
            }
        }
        return tables;
    }
}
