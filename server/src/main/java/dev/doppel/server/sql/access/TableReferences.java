package dev.doppel.server.sql.access;

import dev.doppel.server.sql.lex.Token;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the tables a statement names, from its tokens: every table factor after FROM, JOIN and the commas of a
 * FROM list and of TABLE t, at any depth of subqueries and derived tables, with its alias; names of common table expressions
 * (WITH x AS (...)) are left out. A FROM inside a function call (EXTRACT(YEAR FROM d), TRIM(x FROM s)) is not a
 * table list: only parentheses that open a query or a parenthesized join are looked into.
 */
public final class TableReferences {
    /** A table named in the statement; {@code database} is null when unqualified. */
    public record Ref(String database, String table, String alias, int index) {
        /** The name other clauses refer to it by: the alias, else the table name. */
        public String visibleName() {
            return alias != null ? alias : table;
        }
    }

    private static final Set<String> NOT_ALIASES = Set.of("JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "NATURAL",
            "STRAIGHT_JOIN", "OUTER", "FULL", "ON", "USING", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION",
            "EXCEPT", "INTERSECT", "WINDOW", "FOR", "INTO", "SET", "VALUES", "VALUE", "PARTITION", "USE", "IGNORE",
            "FORCE", "LOCK", "PROCEDURE", "SELECT", "AS", "TABLESAMPLE");
    /** Words after which a comma no longer separates table factors. */
    private static final Set<String> END_OF_FROM = Set.of("WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION",
            "EXCEPT", "INTERSECT", "WINDOW", "FOR", "INTO", "SET", "VALUES", "SELECT", "PROCEDURE", "LOCK",
            "RETURNING");

    private final List<Token> tokens;
    private final Set<String> cteNames = new HashSet<>();

    public TableReferences(List<Token> tokens) {
        this.tokens = tokens;
        collectCteNames();
    }

    private static final class Frame {
        final boolean query;
        boolean fromList;
        boolean expectFactor;

        Frame(boolean query, boolean tableList) {
            this.query = query;
            this.fromList = tableList;
            this.expectFactor = tableList;
        }
    }

    /**
     * The table factors in tokens [from, to), in the order of the text. With {@code tableList} the range starts
     * with a table list itself (UPDATE t1 JOIN t2 ..., DELETE ... USING ...).
     */
    public List<Ref> scan(int from, int to, boolean tableList) {
        List<Ref> result = new ArrayList<>();
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame(true, tableList));
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            Frame frame = frames.peek();
            if (token.isSymbol("(")) {
                boolean join = frame.query && frame.expectFactor && !opensQuery(i + 1);
                frame.expectFactor = false;
                // a subquery inside a function's arguments reads tables too: COALESCE((SELECT ...), 0)
                boolean subquery = i + 1 < to && (tokens.get(i + 1).isWord("SELECT") || tokens.get(i + 1).isWord("WITH"));
                frames.push(new Frame(join || subquery || (frame.query && opensQuery(i + 1)), join));
                continue;
            }
            if (token.isSymbol(")")) {
                if (frames.size() > 1) {
                    frames.pop();
                }
                continue;
            }
            if (!frame.query) {
                continue;
            }
            if (frame.expectFactor) {
                frame.expectFactor = false;
                if (token.isIdentifier() && !token.isWord("LATERAL") && !token.isWord("SELECT")
                        && !token.isWord("DUAL")) {
                    i = factor(i, to, result) - 1;
                    continue;
                }
            }
            if (token.kind() != Token.Kind.WORD && !token.isSymbol(",")) {
                continue;
            }
            if (token.isWord("TABLE") && i + 1 < to && tokens.get(i + 1).isIdentifier()) {
                i = factor(i + 1, to, result) - 1; // the TABLE t statement, alone or as a query part
            } else if (token.isWord("FROM") || token.isWord("JOIN") || token.isWord("STRAIGHT_JOIN")) {
                frame.fromList = true;
                frame.expectFactor = true;
            } else if (token.isSymbol(",")) {
                frame.expectFactor = frame.fromList;
            } else if (END_OF_FROM.contains(token.upper())) {
                frame.fromList = false;
            }
        }
        return result;
    }

    /** Reads a table factor name [AS alias] at {@code index}; returns the index after it. */
    private int factor(int index, int to, List<Ref> out) {
        String database = null;
        String table = tokens.get(index).text();
        int next = index + 1;
        if (next + 1 < to && tokens.get(next).isSymbol(".") && tokens.get(next + 1).isIdentifier()) {
            database = table;
            table = tokens.get(next + 1).text();
            next += 2;
        }
        if (next < to && tokens.get(next).isSymbol("(")) {
            return next; // a table function such as JSON_TABLE(...)
        }
        String alias = null;
        if (next + 1 < to && tokens.get(next).isWord("AS") && tokens.get(next + 1).isIdentifier()) {
            alias = tokens.get(next + 1).text();
            next += 2;
        } else if (next < to && isAlias(tokens.get(next))) {
            alias = tokens.get(next).text();
            next++;
        }
        if (database != null || !cteNames.contains(table.toLowerCase(Locale.ROOT))) {
            out.add(new Ref(database, table, alias, index));
        }
        return next;
    }

    /** Reads a plain table name (db.t or t) at {@code index}, without alias; null when there is none. */
    public Ref name(int index) {
        if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
            return null;
        }
        if (index + 2 < tokens.size() && tokens.get(index + 1).isSymbol(".") && tokens.get(index + 2).isIdentifier()) {
            return new Ref(tokens.get(index).text(), tokens.get(index + 2).text(), null, index);
        }
        return new Ref(null, tokens.get(index).text(), null, index);
    }

    /** The index after a name read by {@link #name}. */
    public int afterName(int index) {
        return index + 2 < tokens.size() && tokens.get(index + 1).isSymbol(".") ? index + 3 : index + 1;
    }

    static boolean isAlias(Token token) {
        return token.kind() == Token.Kind.QUOTED_IDENTIFIER
                || token.kind() == Token.Kind.WORD && !NOT_ALIASES.contains(token.upper());
    }

    private boolean opensQuery(int index) {
        return index < tokens.size() && (tokens.get(index).isWord("SELECT") || tokens.get(index).isWord("WITH")
                || tokens.get(index).isWord("VALUES") || tokens.get(index).isWord("TABLE")
                || tokens.get(index).isSymbol("("));
    }

    /** The index of the first {@code word} at parenthesis depth 0 in [from, size), or -1. */
    public int topLevel(int from, String... words) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0) {
                for (String word : words) {
                    if (word.equals(",") ? token.isSymbol(",") : token.isWord(word)) {
                        return i;
                    }
                }
            }
        }
        return -1;
    }

    /** WITH [RECURSIVE] name [(columns)] AS (...) [, ...] anywhere in the statement. */
    private void collectCteNames() {
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isWord("WITH")) {
                continue;
            }
            int j = i + 1;
            if (j < tokens.size() && tokens.get(j).isWord("RECURSIVE")) {
                j++;
            }
            while (j < tokens.size() && tokens.get(j).isIdentifier()) {
                String name = tokens.get(j).text();
                j++;
                if (j < tokens.size() && tokens.get(j).isSymbol("(")) {
                    j = afterParentheses(j);
                }
                if (j + 1 >= tokens.size() || !tokens.get(j).isWord("AS") || !tokens.get(j + 1).isSymbol("(")) {
                    break;
                }
                cteNames.add(name.toLowerCase(Locale.ROOT));
                j = afterParentheses(j + 1);
                if (j < tokens.size() && tokens.get(j).isSymbol(",")) {
                    j++;
                } else {
                    break;
                }
            }
        }
    }

    /** The index after the parenthesis that closes the one at {@code open}. */
    public int afterParentheses(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i + 1;
            }
        }
        return tokens.size();
    }
}
