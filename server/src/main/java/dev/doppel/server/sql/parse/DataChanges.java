package dev.doppel.server.sql.parse;

import dev.doppel.server.sql.lex.Token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** MySQL's INSERT, REPLACE, UPDATE and DELETE, single- and multi-table, with what each does to each table it names. */
public final class DataChanges {
    private final ParseState state;
    private final TokenCursor cursor;

    DataChanges(ParseState state) {
        this.state = state;
        this.cursor = state.cursor;
    }

    /** INSERT | REPLACE [modifiers] [INTO] t [PARTITION (...)] [(cols)] {VALUES ... | SET ... | query} [AS alias] [ON DUPLICATE KEY UPDATE ...]. */
    void insert() {
        boolean replace = cursor.next().isWord("REPLACE");
        while (cursor.acceptWord("LOW_PRIORITY") || cursor.acceptWord("DELAYED") || cursor.acceptWord("HIGH_PRIORITY")
                || cursor.acceptWord("IGNORE")) {
            // modifiers
        }
        cursor.acceptWord("INTO");
        ParsedStatement.TableUse target = state.queries.tableName(replace ? ParsedStatement.Use.REPLACE
                : ParsedStatement.Use.INSERT);
        if (cursor.acceptWord("PARTITION")) {
            cursor.expectSymbol("(");
            state.queries.names();
            cursor.expectSymbol(")");
        }
        if (cursor.isSymbol("(") && !state.queries.startsQuery()) {
            cursor.next();
            if (!cursor.isSymbol(")")) {
                do {
                    state.expressions.columnReference();
                } while (cursor.acceptSymbol(","));
            }
            cursor.expectSymbol(")");
        }
        if (cursor.acceptWord("VALUES") || cursor.acceptWord("VALUE")) {
            state.queries.rows(false);
            rowAlias();
        } else if (cursor.acceptWord("SET")) {
            assignments();
            rowAlias();
        } else {
            state.queries.queryExpression();
        }
        if (cursor.acceptWords("ON", "DUPLICATE", "KEY", "UPDATE")) {
            assignments();
            if (target != null && !replace) {
                state.tables.set(state.tables.indexOf(target), new ParsedStatement.TableUse(target.database(),
                        target.table(), target.alias(), ParsedStatement.Use.UPSERT, target.token()));
            }
        }
    }

    /** INSERT's row alias: AS new [(a, b)]. */
    private void rowAlias() {
        if (cursor.acceptWord("AS")) {
            state.expressions.name();
            if (cursor.acceptSymbol("(")) {
                state.queries.names();
                cursor.expectSymbol(")");
            }
        }
    }

    /** col = expr, ...: returns the qualifiers of the assigned columns (null for an unqualified one). */
    private Set<String> assignments() {
        Set<String> qualifiers = new HashSet<>();
        do {
            String qualifier = state.expressions.columnReference();
            qualifiers.add(qualifier == null ? null : qualifier.toLowerCase(Locale.ROOT));
            if (!cursor.acceptSymbol("=") && !cursor.acceptSymbol(":=")) {
                throw cursor.error();
            }
            state.expressions.expression();
        } while (cursor.acceptSymbol(","));
        return qualifiers;
    }

    /** UPDATE [LOW_PRIORITY] [IGNORE] table_references SET ... [WHERE ...] [ORDER BY ...] [LIMIT n]. */
    void update() {
        cursor.expectWord("UPDATE");
        while (cursor.acceptWord("LOW_PRIORITY") || cursor.acceptWord("IGNORE")) {
            // modifiers
        }
        int first = state.tables.size();
        List<ParsedStatement.TableUse> listed = state.queries.tableReferences(ParsedStatement.Use.UPDATE_LIST);
        // one named table is the target, whatever else is joined: a derived table cannot be updated
        boolean single = listed.stream().filter(each -> each.use() == ParsedStatement.Use.UPDATE_LIST).count() == 1;
        cursor.expectWord("SET");
        Set<String> assigned = assignments();
        for (int i = first; i < first + listed.size(); i++) {
            ParsedStatement.TableUse each = state.tables.get(i);
            if (each.use() != ParsedStatement.Use.UPDATE_LIST) {
                continue;
            }
            String visible = (each.alias() != null ? each.alias() : each.table()).toLowerCase(Locale.ROOT);
            boolean target = single || assigned.contains(null) || assigned.contains(visible);
            state.tables.set(i, new ParsedStatement.TableUse(each.database(), each.table(), each.alias(),
                    target ? ParsedStatement.Use.UPDATE : ParsedStatement.Use.READ, each.token()));
        }
        whereOrderLimit();
    }

    /** DELETE [modifiers] FROM t ... | DELETE t1, t2 FROM refs ... | DELETE FROM t1, t2 USING refs ... */
    void delete() {
        cursor.expectWord("DELETE");
        while (cursor.acceptWord("LOW_PRIORITY") || cursor.acceptWord("QUICK") || cursor.acceptWord("IGNORE")) {
            // modifiers
        }
        if (cursor.acceptWord("FROM")) {
            List<Token[]> targets = targetNames();
            if (cursor.acceptWord("USING")) {
                List<ParsedStatement.TableUse> all = state.queries.tableReferences(ParsedStatement.Use.READ);
                deleteTargets(targets, all);
                where();
                return;
            }
            if (targets.size() != 1) {
                throw cursor.error();
            }
            Token[] target = targets.get(0);
            ParsedStatement.TableUse use = state.table(target[0] == null ? null : target[0].text(), target[1].text(),
                    null, ParsedStatement.Use.DELETE, cursor.position());
            String alias = null;
            if (cursor.acceptWord("AS")) {
                alias = state.expressions.name();
            } else if (Keywords.isName(cursor.peek())) {
                alias = cursor.next().text();
            }
            if (use != null && alias != null) {
                state.tables.set(state.tables.indexOf(use), new ParsedStatement.TableUse(use.database(), use.table(),
                        alias, use.use(), use.token()));
            }
            if (cursor.acceptWord("PARTITION")) {
                cursor.expectSymbol("(");
                state.queries.names();
                cursor.expectSymbol(")");
            }
            whereOrderLimit();
            return;
        }
        List<Token[]> targets = targetNames();
        cursor.expectWord("FROM");
        List<ParsedStatement.TableUse> all = state.queries.tableReferences(ParsedStatement.Use.READ);
        deleteTargets(targets, all);
        where();
    }

    /** [db.]t[.*], ... : each as {database token or null, table token}. */
    private List<Token[]> targetNames() {
        List<Token[]> result = new ArrayList<>();
        do {
            Token first = cursor.peek();
            state.expressions.name();
            Token database = null;
            Token table = first;
            if (cursor.isSymbol(".") && cursor.peek(1) != null && cursor.peek(1).isIdentifier()) {
                cursor.next();
                database = first;
                table = cursor.next();
            }
            if (cursor.isSymbol(".") && cursor.isSymbol(1, "*")) {
                cursor.next();
                cursor.next();
            }
            result.add(new Token[] {database, table});
        } while (cursor.acceptSymbol(","));
        return result;
    }

    /** The tables a multi-table DELETE deletes from: each named target, by alias where it is one. */
    private void deleteTargets(List<Token[]> targets, List<ParsedStatement.TableUse> all) {
        for (Token[] target : targets) {
            String database = target[0] == null ? null : target[0].text();
            String table = target[1].text();
            for (ParsedStatement.TableUse each : all) {
                if (database == null && each.alias() != null && each.alias().equalsIgnoreCase(table)) {
                    database = each.database();
                    table = each.table();
                    break;
                }
            }
            state.table(database, table, null, ParsedStatement.Use.DELETE, cursor.position());
        }
    }

    private void where() {
        if (cursor.acceptWord("WHERE")) {
            state.expressions.expression();
        }
    }

    private void whereOrderLimit() {
        where();
        if (cursor.acceptWords("ORDER", "BY")) {
            state.expressions.orderList();
        }
        if (cursor.acceptWord("LIMIT")) {
            if (!cursor.isKind(Token.Kind.NUMBER) && !cursor.isKind(Token.Kind.PARAMETER)) {
                throw cursor.error();
            }
            cursor.next();
        }
    }
}
