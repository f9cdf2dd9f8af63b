package dev.doppel.server.engine.fulltext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How InnoDB's built-in full-text parser cuts text into words: a word is a run of letters, digits and underscores,
 * compared without case; words shorter than innodb_ft_min_token_size (3) or longer than innodb_ft_max_token_size (84)
 * and the words of INNODB_FT_DEFAULT_STOPWORD are not indexed, so a search for them finds nothing.
 */
final class FulltextWords {
    static final int MIN_TOKEN_SIZE = 3;
    static final int MAX_TOKEN_SIZE = 84;
    /** InnoDB's default stopword list (information_schema.INNODB_FT_DEFAULT_STOPWORD). */
    static final Set<String> STOPWORDS = Set.of("a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en",
            "for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or", "that", "the", "this", "to", "was",
            "what", "when", "where", "who", "will", "with", "und", "www");

    private FulltextWords() {
    }

    /** Every word of the text, lower case, in order (stopwords and short words too: a phrase needs their places). */
    static List<String> all(String text) {
        List<String> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                result.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return result;
    }

    static boolean isWordChar(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '_';
    }

    /** Whether the index holds the word: long enough, not too long, no stopword. */
    static boolean isIndexed(String word) {
        int length = word.codePointCount(0, word.length());
        return length >= MIN_TOKEN_SIZE && length <= MAX_TOKEN_SIZE && !STOPWORDS.contains(word);
    }
}
