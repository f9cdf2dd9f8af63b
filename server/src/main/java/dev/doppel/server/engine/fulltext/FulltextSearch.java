package dev.doppel.server.engine.fulltext;

import dev.doppel.server.engine.StatementEffects;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * MATCH (cols) AGAINST (query [mode]) as the engine function {@code MYSQL_MATCH}, ranked as InnoDB ranks: a term's
 * IDF is log10(rows / rows with the term) (log10(1.0001) when every row has it), and a row's relevance is the sum of
 * tf × IDF² over the terms it has, added up in single precision as InnoDB's rank is a float. The counts are read
 * from the table once per statement (the table has no index of words: each statement with MATCH reads it once more)
 * and kept while the statement runs. Boolean mode keeps a row only with every {@code +} term and no {@code -} term
 * (and, without a {@code +} term, one term at least); WITH QUERY EXPANSION searches again with the words of the 20
 * rows that ranked highest.
 */
public final class FulltextSearch {
    private static final int EXPANSION_ROWS = 20;
    private static final double EVERY_ROW_IDF = Math.log10(1.0001);

    /** The table's row count and, per term, how many rows have it. */
    private record Corpus(long rows, Map<String, Long> rowsWith, List<SearchTerms.Term> terms) {
        double idf(SearchTerms.Term term) {
            long with = rowsWith.getOrDefault(term.key(), 0L);
            return with == 0 ? 0 : with == rows ? EVERY_ROW_IDF : Math.log10(rows / (double) with);
        }
    }

    private record Cached(StatementEffects.Listener statement, String key, Corpus corpus) {
    }

    private static final ThreadLocal<Cached> CACHE = new ThreadLocal<>();

    private FulltextSearch() {
    }

    /**
     * The relevance of one row: {@code text} is its indexed columns' values, {@code columns} their names (the
     * engine's, comma-separated) in the table {@code schema.table}.
     */
    public static Double match(Connection connection, String schema, String table, String columns, String mode,
                               String text, String query) throws SQLException {
        if (query == null) {
            return 0.0;
        }
        Corpus corpus = corpus(connection, schema, table, columns, mode, query);
        return (double) rank(corpus, mode.equals("BOOLEAN"), FulltextWords.all(text));
    }

    private static Corpus corpus(Connection connection, String schema, String table, String columns, String mode,
                                 String query) throws SQLException {
        StatementEffects.Listener statement = StatementEffects.current();
        String key = schema + '\u0000' + table + '\u0000' + columns + '\u0000' + mode + '\u0000' + query;
        Cached cached = CACHE.get();
        if (statement != null && cached != null && cached.statement() == statement && cached.key().equals(key)) {
            return cached.corpus();
        }
        String select = select(schema, table, columns);
        List<SearchTerms.Term> terms = mode.equals("BOOLEAN") ? SearchTerms.bool(query) : SearchTerms.natural(query);
        Corpus corpus = count(connection, select, terms);
        if (mode.equals("EXPANSION")) {
            corpus = count(connection, select, expanded(connection, select, corpus));
        }
        CACHE.set(statement == null ? null : new Cached(statement, key, corpus));
        return corpus;
    }

    private static String select(String schema, String table, String columns) {
        String[] names = columns.split(",");
        StringBuilder out = new StringBuilder("SELECT ");
        if (names.length == 1) {
            out.append(quote(names[0]));
        } else {
            out.append("CONCAT_WS(CHAR(10)");
            for (String each : names) {
                out.append(", ").append(quote(each));
            }
            out.append(')');
        }
        return out.append(" FROM ").append(quote(schema)).append('.').append(quote(table)).toString();
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static Corpus count(Connection connection, String select, List<SearchTerms.Term> terms)
            throws SQLException {
        Map<String, Long> rowsWith = new HashMap<>();
        long rows = 0;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(select)) {
            while (result.next()) {
                rows++;
                List<String> words = FulltextWords.all(result.getString(1));
                Set<String> seen = new LinkedHashSet<>();
                for (SearchTerms.Term each : terms) {
                    if (seen.add(each.key()) && occurrences(each, words) > 0) {
                        rowsWith.merge(each.key(), 1L, Long::sum);
                    }
                }
            }
        }
        return new Corpus(rows, rowsWith, terms);
    }

    /** The query's terms and the indexed words of the rows that rank highest for it. */
    private static List<SearchTerms.Term> expanded(Connection connection, String select, Corpus corpus)
            throws SQLException {
        record Ranked(float rank, long row, List<String> words) {
        }
        PriorityQueue<Ranked> best = new PriorityQueue<>((a, b) -> a.rank() != b.rank()
                ? Float.compare(a.rank(), b.rank()) : Long.compare(b.row(), a.row()));
        long row = 0;
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(select)) {
            while (result.next()) {
                List<String> words = FulltextWords.all(result.getString(1));
                float rank = rank(corpus, false, words);
                if (rank > 0) {
                    best.add(new Ranked(rank, row, words));
                    if (best.size() > EXPANSION_ROWS) {
                        best.poll();
                    }
                }
                row++;
            }
        }
        Set<String> words = new LinkedHashSet<>();
        for (SearchTerms.Term each : corpus.terms()) {
            words.add(each.words().get(0));
        }
        List<Ranked> ordered = new ArrayList<>(best);
        Collections.reverse(ordered);
        for (Ranked each : ordered) {
            for (String word : each.words()) {
                if (FulltextWords.isIndexed(word)) {
                    words.add(word);
                }
            }
        }
        List<SearchTerms.Term> result = new ArrayList<>();
        for (String each : words) {
            result.add(new SearchTerms.Term(SearchTerms.Operator.OPTIONAL, List.of(each), false));
        }
        return result;
    }

    private static float rank(Corpus corpus, boolean bool, List<String> words) {
        float rank = 0;
        boolean required = false;
        boolean found = false;
        for (SearchTerms.Term each : corpus.terms()) {
            int times = occurrences(each, words);
            double idf = corpus.idf(each);
            float weight = (float) (times * idf * idf);
            switch (each.operator()) {
                case REQUIRED -> {
                    required = true;
                    if (times == 0) {
                        return 0;
                    }
                    rank += weight;
                }
                case EXCLUDED -> {
                    if (times > 0) {
                        return 0;
                    }
                }
                case NEGATIVE -> {
                    found |= times > 0;
                    rank -= weight;
                }
                case OPTIONAL -> {
                    found |= times > 0;
                    rank += weight;
                }
            }
        }
        return bool && !required && !found ? 0 : rank;
    }

    /** How often the term stands in the words: the word, a word it begins (prefix), or the phrase's words in a row. */
    private static int occurrences(SearchTerms.Term term, List<String> words) {
        List<String> wanted = term.words();
        int result = 0;
        for (int i = 0; i + wanted.size() <= words.size(); i++) {
            boolean match = true;
            for (int j = 0; j < wanted.size() && match; j++) {
                String word = words.get(i + j);
                match = term.prefix() ? word.startsWith(wanted.get(j)) : word.equals(wanted.get(j));
            }
            if (match) {
                result++;
            }
        }
        return result;
    }
}
