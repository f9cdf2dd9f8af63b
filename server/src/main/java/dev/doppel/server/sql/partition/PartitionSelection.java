package dev.doppel.server.sql.partition;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.partitions.TablePartitions;
import dev.doppel.server.engine.partitions.PartitionCheck;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;
import dev.doppel.server.sql.translate.EngineEdits;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A statement's explicit partition selection, {@code tbl PARTITION (p0, p1)}, in the engine's terms: a table read
 * becomes the rows of those partitions (a derived table under the table's name or alias), an UPDATE or DELETE gets
 * their condition in its WHERE, and an INSERT or REPLACE may write only rows that belong to them (1748, checked by
 * the table's constraint while the statement runs).
 */
public final class PartitionSelection {
    /** Words after a table reference that are no alias. */
    private static final Set<String> NOT_ALIAS = Set.of("WHERE", "JOIN", "ON", "USING", "GROUP", "ORDER", "LIMIT",
            "INNER", "LEFT", "RIGHT", "CROSS", "STRAIGHT_JOIN", "NATURAL", "UNION", "EXCEPT", "INTERSECT", "FOR",
            "LOCK", "WINDOW", "HAVING", "USE", "IGNORE", "FORCE", "SET", "VALUES", "VALUE", "SELECT", "AS", "FULL",
            "OUTER", "INTO", "PARTITION", "TABLE", "WITH");

    private PartitionSelection() {
    }

    public static void collect(SqlText statement, EngineEdits edits, Session session) {
        List<Token> tokens = statement.tokens();
        if (session == null || tokens.isEmpty()) {
            return;
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("PARTITION") && tokens.get(i + 1).isSymbol("(") && tokens.get(i - 1).isIdentifier()) {
                select(tokens, i, edits, session);
            }
        }
    }

    /** {@code [schema.]table PARTITION (names)}: where the table's name starts, its partitions' close, the numbers. */
    private record Named(String table, int nameStart, int close, TablePartitions.Entry entry, List<Long> numbers) {
    }

    /** The selection whose PARTITION is token {@code at}: 1747 for a table without partitions, 1735 for a name. */
    private static Named named(List<Token> tokens, int at, Session session) {
        boolean qualified = at >= 3 && tokens.get(at - 2).isSymbol(".") && tokens.get(at - 3).isIdentifier();
        String table = tokens.get(at - 1).text();
        String schema = qualified ? tokens.get(at - 3).text() : session.schema();
        int close = TokenRanges.closing(tokens, at + 1);
        if (close < 0 || schema == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (int i = at + 2; i < close; i++) {
            if (tokens.get(i).isIdentifier()) {
                names.add(tokens.get(i).text());
            }
        }
        TablePartitions.Entry entry = entry(session, schema, table);
        if (entry == null) {
            throw new MySqlException(1747, "HY000", "PARTITION () clause on non partitioned table");
        }
        return new Named(table, qualified ? at - 3 : at - 1, close, entry,
                PartitionRows.numbersNamed(entry.scheme(), names, table));
    }

    private static void select(List<Token> tokens, int at, EngineEdits edits, Session session) {
        Named named = named(tokens, at, session);
        if (named == null) {
            return;
        }
        int close = named.close();
        String predicate = PartitionRows.predicate(named.entry().placement(), named.numbers());
        for (int i = at; i <= close; i++) {
            edits.replaced().put(i, "");
        }
        Token verb = tokens.get(0);
        if (!isTarget(tokens, named.nameStart())) {
            edits.before().merge(named.nameStart(), "(SELECT * FROM ", (a, b) -> a + b);
            Token next = close + 1 < tokens.size() ? tokens.get(close + 1) : null;
            boolean alias = next != null && (next.isWord("AS") || next.isIdentifier()
                    && !NOT_ALIAS.contains(next.upper()));
            edits.after().merge(close, " WHERE " + predicate + ")" + (alias ? "" : " AS "
                    + CreateTableText.quote(named.table())), (a, b) -> a + b);
        } else if (!verb.isWord("INSERT") && !verb.isWord("REPLACE")) {
            where(tokens, close, predicate, edits);
        }
    }

    /** Whether the table named from {@code nameStart} is the one the statement writes. */
    private static boolean isTarget(List<Token> tokens, int nameStart) {
        if (nameStart == 0) {
            return false;
        }
        Token verb = tokens.get(0);
        Token before = tokens.get(nameStart - 1);
        if (verb.isWord("INSERT") || verb.isWord("REPLACE")) {
            return before.isWord("INTO") || nameStart <= 3 && (before == verb || before.isWord("IGNORE")
                    || before.isWord("LOW_PRIORITY") || before.isWord("DELAYED") || before.isWord("HIGH_PRIORITY"));
        }
        return before.isWord("UPDATE") || verb.isWord("DELETE") && before.isWord("FROM") && nameStart <= 3;
    }

    /**
     * INSERT or REPLACE into {@code t PARTITION (...)}: while the statement runs, the table's constraint takes only
     * rows of those partitions (1748). Called as each execution of the statement starts.
     */
    public static void restrictWrites(Session session, List<Token> tokens) {
        if (tokens.isEmpty() || !tokens.get(0).isWord("INSERT") && !tokens.get(0).isWord("REPLACE")) {
            return;
        }
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).isWord("PARTITION") || !tokens.get(i + 1).isSymbol("(")
                    || !tokens.get(i - 1).isIdentifier()) {
                continue;
            }
            boolean qualified = i >= 3 && tokens.get(i - 2).isSymbol(".");
            if (!isTarget(tokens, qualified ? i - 3 : i - 1)) {
                return;
            }
            Named named = named(tokens, i, session);
            if (named != null) {
                PartitionCheck.onlyInto(named.entry().constraint(), named.numbers());
            }
            return;
        }
    }

    private static TablePartitions.Entry entry(Session session, String schema, String table) {
        try {
            return TablePartitions.of(session.engineConnection(), schema, table);
        } catch (SQLException e) {
            throw new MySqlException(1105, "HY000", e.getMessage());
        }
    }

    /** UPDATE's or DELETE's WHERE gets the partitions' condition (a WHERE of its own when it has none). */
    private static void where(List<Token> tokens, int from, String predicate, EngineEdits edits) {
        int depth = 0;
        int where = -1;
        int end = tokens.size();
        for (int i = from + 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("WHERE") && where < 0) {
                where = i;
            } else if (depth == 0 && (token.isWord("ORDER") || token.isWord("LIMIT")) && where >= 0) {
                end = i;
                break;
            } else if (depth == 0 && (token.isWord("ORDER") || token.isWord("LIMIT")) && where < 0) {
                edits.before().merge(i, "WHERE " + predicate + " ", (a, b) -> a + b);
                return;
            }
        }
        if (where < 0) {
            edits.after().merge(tokens.size() - 1, " WHERE " + predicate, (a, b) -> a + b);
            return;
        }
        edits.after().merge(where, " " + predicate + " AND (", (a, b) -> a + b);
        edits.after().merge(end - 1, ")", (a, b) -> b + a);
    }
}
