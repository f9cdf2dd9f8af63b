package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.access.TableReferences;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * cte_max_recursion_depth for the engine, which has no such bound: a recursive common table expression without an
 * end grew until the heap was gone and the server died. Each recursive CTE {@code c (cols) AS (anchor UNION ALL
 * recursive)} becomes
 * <pre>
 *   doppel_cte_N (cols, doppel_cte_depth) AS (anchor, 0 UNION ALL recursive, doppel_cte_depth + 1
 *                                             WHERE PUBLIC.MYSQL_CTE_DEPTH(doppel_cte_depth) AND (condition)),
 *   c (cols) AS (SELECT cols FROM doppel_cte_N)
 * </pre>
 * where the engine function fails with MySQL's 3636 once an iteration would go past the session's
 * cte_max_recursion_depth, as MySQL's does: the rows of iteration N come from those of iteration N - 1. The engine
 * takes a recursive CTE only with its column list, so one without is left as it is (the engine refuses it). So is one
 * whose parts are in parentheses.
 */
public final class RecursionDepth {
    static final String DEPTH = "doppel_cte_depth";
    private static final String FUNCTION = "PUBLIC.MYSQL_CTE_DEPTH";
    /** Words that end a SELECT's select list, at its own depth. */
    private static final Set<String> AFTER_SELECT_LIST = Set.of("FROM", "INTO", "WHERE", "GROUP", "HAVING", "WINDOW",
            "ORDER", "LIMIT", "FOR", "LOCK");
    /** Words that end a SELECT's FROM or WHERE clause, at its own depth. */
    private static final Set<String> AFTER_WHERE = Set.of("GROUP", "HAVING", "WINDOW", "ORDER", "LIMIT", "FOR", "LOCK");

    private RecursionDepth() {
    }

    /** Adds the rewrite of every recursive CTE of the statement to EngineSql's edits (token index to text). */
    static void collect(String sql, List<Token> tokens, Map<Integer, String> before, Map<Integer, String> replaced,
            Map<Integer, String> after) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("WITH") && tokens.get(i + 1).isWord("RECURSIVE")) {
                collectList(sql, tokens, i + 2, before, replaced, after);
            }
        }
    }

    /** The CTEs of one WITH RECURSIVE list, from {@code index}. */
    private static void collectList(String sql, List<Token> tokens, int index, Map<Integer, String> before,
            Map<Integer, String> replaced, Map<Integer, String> after) {
        TableReferences scanner = new TableReferences(tokens);
        while (index + 1 < tokens.size() && tokens.get(index).isIdentifier()) {
            int name = index;
            if (!tokens.get(index + 1).isSymbol("(")) {
                return; // no column list: the engine refuses a recursive CTE without one
            }
            int columnsOpen = index + 1;
            int columnsEnd = scanner.afterParentheses(columnsOpen);
            if (columnsEnd + 1 >= tokens.size() || !tokens.get(columnsEnd).isWord("AS")
                    || !tokens.get(columnsEnd + 1).isSymbol("(")) {
                return;
            }
            int bodyOpen = columnsEnd + 1;
            int bodyEnd = scanner.afterParentheses(bodyOpen);
            String renamed = "doppel_cte_" + name;
            if (bound(sql, tokens, name, bodyOpen + 1, bodyEnd - 1, renamed, before, replaced, after)) {
                String columns = sql.substring(tokens.get(columnsOpen + 1).start(), tokens.get(columnsEnd - 1).start());
                replaced.put(name, renamed);
                append(before, columnsEnd - 1, ", " + DEPTH);
                append(after, bodyEnd - 1, ", " + sql.substring(tokens.get(name).start(), tokens.get(name).end())
                        + " (" + columns + ") AS (SELECT " + columns + " FROM " + renamed + ")");
            }
            if (bodyEnd < tokens.size() && tokens.get(bodyEnd).isSymbol(",")) {
                index = bodyEnd + 1;
            } else {
                return;
            }
        }
    }

    /**
     * The edits for one CTE body in tokens [from, to): false, and none, when it does not refer to itself or has a
     * part this rewrite does not handle.
     */
    private static boolean bound(String sql, List<Token> tokens, int name, int from, int to, String renamed,
            Map<Integer, String> before, Map<Integer, String> replaced, Map<Integer, String> after) {
        List<int[]> parts = parts(tokens, from, to);
        String cte = tokens.get(name).text();
        List<Integer> selfReferences = new ArrayList<>();
        List<Boolean> recursive = new ArrayList<>();
        for (int[] part : parts) {
            if (!tokens.get(part[0]).isWord("SELECT")) {
                return false;
            }
            List<Integer> references = selfReferences(tokens, part[0], part[1], cte);
            recursive.add(!references.isEmpty());
            selfReferences.addAll(references);
        }
        if (selfReferences.isEmpty()) {
            return false;
        }
        for (int each : selfReferences) {
            replaced.put(each, renamed);
        }
        for (int p = 0; p < parts.size(); p++) {
            int[] part = parts.get(p);
            int listEnd = TokenRanges.firstTopLevel(tokens, part[0] + 1, part[1], AFTER_SELECT_LIST);
            if (!recursive.get(p)) {
                append(before, listEnd, ", 0 ");
                continue;
            }
            append(before, listEnd, ", " + DEPTH + " + 1 ");
            String check = FUNCTION + "(" + DEPTH + ")";
            int where = TokenRanges.firstTopLevel(tokens, listEnd, part[1], Set.of("WHERE"));
            if (where < part[1]) {
                append(after, where, " " + check + " AND (");
                append(before, TokenRanges.firstTopLevel(tokens, where + 1, part[1], AFTER_WHERE), ") ");
            } else {
                append(before, TokenRanges.firstTopLevel(tokens, listEnd, part[1], AFTER_WHERE), " WHERE " + check + " ");
            }
        }
        return true;
    }

    /** The [start, end) token ranges of the UNION parts in [from, to). */
    private static List<int[]> parts(List<Token> tokens, int from, int to) {
        List<int[]> result = new ArrayList<>();
        int start = from;
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("UNION")) {
                result.add(new int[] {start, i});
                start = i + 1;
                if (start < to && (tokens.get(start).isWord("ALL") || tokens.get(start).isWord("DISTINCT"))) {
                    start++;
                }
            }
        }
        result.add(new int[] {start, to});
        return result;
    }

    /** Where a part names the CTE: as a table, and as the qualifier of its columns ({@code c.n}). */
    private static List<Integer> selfReferences(List<Token> tokens, int from, int to, String cte) {
        List<Integer> result = new ArrayList<>();
        TableReferences part = new TableReferences(tokens.subList(from, to));
        for (TableReferences.Ref each : part.scan(0, to - from, false)) {
            if (each.database() == null && each.table().equalsIgnoreCase(cte)) {
                result.add(from + each.index());
            }
        }
        if (result.isEmpty()) {
            return result;
        }
        for (int i = from; i + 2 < to; i++) {
            Token token = tokens.get(i);
            if (token.isIdentifier() && token.text().equalsIgnoreCase(cte) && tokens.get(i + 1).isSymbol(".")
                    && (i == from || !tokens.get(i - 1).isSymbol(".")) && !result.contains(i)) {
                result.add(i);
            }
        }
        return result;
    }

    private static void append(Map<Integer, String> edits, int index, String text) {
        edits.merge(index, text, String::concat);
    }
}
