package dev.doppel.server.sql.partition;

import dev.doppel.server.catalog.partitions.PartitionScheme;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.parse.PartitionDefinitions;

import java.util.List;

/** Finds the partitioning clause of CREATE TABLE, which the engine's statement must not carry. */
public final class PartitionClauses {
    /** The statement without its clause, and the clause read. */
    public record Split(String sql, PartitionScheme scheme) {
    }

    private PartitionClauses() {
    }

    /** The statement's top-level PARTITION BY clause, split off; null when it has none. */
    public static Split split(String sql, List<Token> tokens) {
        int at = clauseStart(tokens);
        if (at < 0) {
            return null;
        }
        PartitionDefinitions.Read read = PartitionDefinitions.readScheme(sql, tokens, at);
        int from = tokens.get(at).start();
        // a dump's /*!50100 PARTITION BY ... */ goes whole: its opening too, not only the tokens inside
        int gap = at > 0 ? tokens.get(at - 1).end() : 0;
        int opening = sql.lastIndexOf("/*!", from);
        if (opening >= gap) {
            from = opening;
        }
        int to = read.end() < tokens.size() ? tokens.get(read.end()).start() : sql.length();
        return new Split(sql.substring(0, from) + sql.substring(to), read.scheme());
    }

    /** The index of the top-level PARTITION of PARTITION BY, or -1. */
    public static int clauseStart(List<Token> tokens) {
        int depth = 0;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("PARTITION") && tokens.get(i + 1).isWord("BY")) {
                return i;
            }
        }
        return -1;
    }
}
