package dev.doppel.server.sql.translate;

import dev.doppel.server.engine.JsonFunctions;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.lex.TokenRanges;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MySQL's JSON functions, {@code CAST(x AS JSON)} and the {@code col->'path'} / {@code col->>'path'} operators
 * become calls of the Java functions registered in the engine ({@link JsonFunctions}). A function with a JSON result
 * is wrapped in {@code CAST(... AS JSON)}, so that the result column is declared JSON (the engine types a Java
 * function's result by its Java class).
 */
public final class JsonSql {
    /** MySQL's name and the method of {@link JsonFunctions}. */
    private static final Map<String, String> FUNCTIONS = Map.ofEntries(Map.entry("JSON_EXTRACT", "extract"),
            Map.entry("JSON_UNQUOTE", "unquote"), Map.entry("JSON_QUOTE", "quote"), Map.entry("JSON_OBJECT", "object"),
            Map.entry("JSON_ARRAY", "array"), Map.entry("JSON_VALID", "valid"), Map.entry("JSON_TYPE", "type"),
            Map.entry("JSON_DEPTH", "depth"), Map.entry("JSON_LENGTH", "length"), Map.entry("JSON_KEYS", "keys"),
            Map.entry("JSON_CONTAINS", "contains"), Map.entry("JSON_CONTAINS_PATH", "containsPath"),
            Map.entry("JSON_SET", "set"), Map.entry("JSON_INSERT", "insert"), Map.entry("JSON_REPLACE", "replace"),
            Map.entry("JSON_ARRAY_APPEND", "arrayAppend"), Map.entry("JSON_REMOVE", "remove"));
    private static final Set<String> JSON_RESULTS = Set.of("extract", "object", "array", "keys", "set", "insert",
            "replace", "arrayAppend", "remove");

    private JsonSql() {
    }

    /** Puts the replacement text of each token to replace into {@code out}, by token index. */
    static void collect(String sql, List<Token> tokens, Map<Integer, String> out) {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")
                    && !(i > 0 && tokens.get(i - 1).isSymbol("."));
            if (token.kind() == Token.Kind.WORD && call && token.text().regionMatches(true, 0, "JSON_", 0, 5)
                    && FUNCTIONS.containsKey(token.upper())) {
                String method = FUNCTIONS.get(token.upper());
                int close = TokenRanges.closing(tokens, i + 1);
                if (JSON_RESULTS.contains(method) && close > 0) {
                    out.put(i, "CAST(" + JsonFunctions.alias(method));
                    out.merge(close, ") AS JSON)", String::concat);
                } else {
                    out.put(i, JsonFunctions.alias(method));
                }
            } else if (token.isWord("CAST") && call) {
                castAsJson(tokens, i, out);
            } else if ((token.isSymbol("->") || token.isSymbol("->>")) && i > 0 && tokens.get(i - 1).isIdentifier()
                    && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.STRING) {
                arrow(sql, tokens, i, out);
            }
        }
    }

    /** {@code CAST(x AS JSON)} becomes {@code CAST(PUBLIC.MYSQL_JSON_CAST(x) AS JSON)}. */
    private static void castAsJson(List<Token> tokens, int cast, Map<Integer, String> out) {
        int close = TokenRanges.closing(tokens, cast + 1);
        if (close < 0 || !tokens.get(close - 1).isWord("JSON") || !tokens.get(close - 2).isWord("AS")) {
            return;
        }
        out.put(cast, "CAST(" + JsonFunctions.alias("cast"));
        out.put(close - 2, ") AS");
    }

    /** {@code [[db.]t.]col->'path'} is JSON_EXTRACT(col, 'path'); {@code ->>} unquotes it too. */
    private static void arrow(String sql, List<Token> tokens, int arrow, Map<Integer, String> out) {
        int start = arrow - 1;
        while (start >= 2 && tokens.get(start - 1).isSymbol(".") && tokens.get(start - 2).isIdentifier()) {
            start -= 2;
        }
        StringBuilder call = new StringBuilder("CAST(").append(JsonFunctions.alias("extract")).append('(')
                .append(sql, tokens.get(start).start(), tokens.get(arrow - 1).end()).append(", ");
        EngineSql.appendLiteral(call, tokens.get(arrow + 1).text());
        call.append(") AS JSON)");
        if (tokens.get(arrow).isSymbol("->>")) {
            call.insert(0, JsonFunctions.alias("unquote") + "(").append(')');
        }
        out.put(start, call.toString());
        for (int i = start + 1; i <= arrow + 1; i++) {
            out.put(i, "");
        }
    }
}
