package dev.doppel.server.sql.lex;

import java.util.List;

/**
 * A name read from tokens that may be qualified: {@code name} or {@code qualifier.name} (database.table).
 * {@code qualifier} is null when there is none; {@code next} is the index of the first token after the name.
 */
public record QualifiedName(String qualifier, String name, int next) {
    /** The name whose first part is the token at {@code index} (the caller has checked that it is a name). */
    public static QualifiedName at(List<Token> tokens, int index) {
        String first = tokens.get(index).text();
        int after = index + 1;
        if (after + 1 < tokens.size() && tokens.get(after).isSymbol(".") && tokens.get(after + 1).isIdentifier()) {
            return new QualifiedName(first, tokens.get(after + 1).text(), after + 2);
        }
        return new QualifiedName(null, first, after);
    }

    /** The qualifier, or {@code fallback} when the name has none. */
    public String qualifierOr(String fallback) {
        return qualifier != null ? qualifier : fallback;
    }
}
