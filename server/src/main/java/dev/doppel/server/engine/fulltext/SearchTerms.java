package dev.doppel.server.engine.fulltext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What AGAINST searches for. In natural language mode each indexed word of the text is a term. In boolean mode each
 * term may carry an operator: {@code +} (must be there), {@code -} (must not), {@code ~} (counts against), {@code <}
 * and {@code >} (searched like a plain term), a trailing {@code *} (any word starting so), a {@code "phrase"} (its
 * words in a row); parentheses group terms and are read through. A term that is a stopword or too short is dropped,
 * as InnoDB drops it.
 */
final class SearchTerms {
    enum Operator { OPTIONAL, REQUIRED, EXCLUDED, NEGATIVE }

    /** One term: its words (one, or a phrase's), whether the word is a prefix. */
    record Term(Operator operator, List<String> words, boolean prefix) {
        boolean isPhrase() {
            return words.size() > 1;
        }

        /** The key its document count is kept under. */
        String key() {
            return (prefix ? "*" : "") + String.join(" ", words);
        }
    }

    private SearchTerms() {
    }

    static List<Term> natural(String query) {
        Set<String> words = new LinkedHashSet<>();
        for (String each : FulltextWords.all(query)) {
            if (FulltextWords.isIndexed(each)) {
                words.add(each);
            }
        }
        List<Term> result = new ArrayList<>();
        for (String each : words) {
            result.add(new Term(Operator.OPTIONAL, List.of(each), false));
        }
        return result;
    }

    static List<Term> bool(String query) {
        List<Term> result = new ArrayList<>();
        if (query == null) {
            return result;
        }
        int i = 0;
        Operator operator = Operator.OPTIONAL;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '+' || c == '-' || c == '~' || c == '<' || c == '>') {
                operator = c == '+' ? Operator.REQUIRED : c == '-' ? Operator.EXCLUDED
                        : c == '~' ? Operator.NEGATIVE : Operator.OPTIONAL;
                i++;
            } else if (c == '"') {
                int end = query.indexOf('"', i + 1);
                String phrase = query.substring(i + 1, end < 0 ? query.length() : end);
                List<String> words = FulltextWords.all(phrase);
                if (!words.isEmpty()) {
                    result.add(new Term(operator, words, false));
                }
                operator = Operator.OPTIONAL;
                i = end < 0 ? query.length() : end + 1;
            } else if (FulltextWords.isWordChar(query.codePointAt(i))) {
                int start = i;
                while (i < query.length() && FulltextWords.isWordChar(query.codePointAt(i))) {
                    i += Character.charCount(query.codePointAt(i));
                }
                String word = query.substring(start, i).toLowerCase(java.util.Locale.ROOT);
                boolean prefix = i < query.length() && query.charAt(i) == '*';
                if (prefix) {
                    i++;
                }
                if (prefix || FulltextWords.isIndexed(word)) {
                    result.add(new Term(operator, List.of(word), prefix));
                }
                operator = Operator.OPTIONAL;
            } else {
                if (!Character.isWhitespace(c) && c != '(' && c != ')') {
                    operator = Operator.OPTIONAL;
                }
                i++;
            }
        }
        return result;
    }
}
