package dev.doppel.server.sql.parse;

import dev.doppel.server.catalog.partitions.PartitionScheme;
import dev.doppel.server.catalog.partitions.PartitionScheme.Kind;
import dev.doppel.server.catalog.partitions.PartitionScheme.Method;
import dev.doppel.server.sql.lex.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * MySQL 8.4's grammar of partitioning: {@code PARTITION BY ...} in CREATE and ALTER TABLE, and the partition
 * definitions of ALTER TABLE ... ADD and REORGANIZE PARTITION. What it reads is a {@link PartitionScheme} with the
 * expressions and values as written; the server checks and normalizes it (sql/partition).
 */
public final class PartitionDefinitions {
    /** Functions whose value is not the row's alone: MySQL's grammar refuses them in a partitioning function. */
    private static final java.util.Set<String> VARYING = java.util.Set.of("RAND", "UUID", "UUID_SHORT", "NOW",
            "SYSDATE", "CURDATE", "CURTIME", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME",
            "LOCALTIMESTAMP", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP", "CONNECTION_ID", "USER", "CURRENT_USER",
            "SESSION_USER", "SYSTEM_USER", "DATABASE", "SCHEMA", "VERSION", "LAST_INSERT_ID", "FOUND_ROWS",
            "ROW_COUNT", "SLEEP", "BENCHMARK", "GET_LOCK", "RELEASE_LOCK", "CONVERT_TZ");

    private final ParseState state;
    private final TokenCursor cursor;

    PartitionDefinitions(ParseState state) {
        this.state = state;
        this.cursor = state.cursor;
    }

    /** A clause read: the scheme, and the index of the first token after it. */
    public record Read(PartitionScheme scheme, int end) {
    }

    /** The scheme of {@code PARTITION BY ...} starting at token {@code from}. */
    public static Read readScheme(String sql, List<Token> tokens, int from) {
        PartitionDefinitions grammar = at(sql, tokens, from);
        grammar.cursor.expectWord("PARTITION");
        grammar.cursor.expectWord("BY");
        PartitionScheme scheme = grammar.scheme();
        return new Read(scheme, grammar.cursor.position());
    }

    /** The partitions of {@code (PARTITION ..., ...)} starting at token {@code from}. */
    public static List<PartitionScheme.Partition> readPartitions(String sql, List<Token> tokens, int from) {
        return at(sql, tokens, from).partitionList();
    }

    private static PartitionDefinitions at(String sql, List<Token> tokens, int from) {
        TokenCursor cursor = new TokenCursor(sql, tokens);
        cursor.reset(from);
        return new PartitionDefinitions(new ParseState(cursor));
    }

    /** After PARTITION BY: the method, [PARTITIONS n], [SUBPARTITION BY ...], [(definitions)]. */
    PartitionScheme scheme() {
        boolean linear = cursor.acceptWord("LINEAR");
        Method method;
        boolean columns = false;
        Integer algorithm = null;
        String expression = null;
        List<String> columnList = List.of();
        if (cursor.acceptWord("HASH")) {
            method = Method.HASH;
            expression = parenthesizedExpression();
        } else if (cursor.acceptWord("KEY")) {
            method = Method.KEY;
            algorithm = algorithm();
            columnList = columnList(true);
        } else {
            if (linear) {
                throw cursor.error();
            }
            method = cursor.acceptWord("RANGE") ? Method.RANGE : list();
            if (cursor.acceptWord("COLUMNS")) {
                columns = true;
                columnList = columnList(false);
            } else {
                expression = parenthesizedExpression();
            }
        }
        Integer count = cursor.acceptWord("PARTITIONS") ? number() : null;
        PartitionScheme.Sub sub = null;
        if (cursor.acceptWord("SUBPARTITION")) {
            cursor.expectWord("BY");
            boolean subLinear = cursor.acceptWord("LINEAR");
            if (cursor.acceptWord("HASH")) {
                sub = new PartitionScheme.Sub(Method.HASH, subLinear, null, parenthesizedExpression(), List.of(),
                        null);
            } else {
                cursor.expectWord("KEY");
                Integer subAlgorithm = algorithm();
                sub = new PartitionScheme.Sub(Method.KEY, subLinear, subAlgorithm, null, columnList(true), null);
            }
            if (cursor.acceptWord("SUBPARTITIONS")) {
                sub = new PartitionScheme.Sub(sub.method(), sub.linear(), sub.algorithm(), sub.expression(),
                        sub.columnList(), number());
            }
        }
        List<PartitionScheme.Partition> partitions = cursor.isSymbol("(") ? partitionList() : List.of();
        if (count != null && !partitions.isEmpty() && count != partitions.size()) {
            throw cursor.error("Wrong number of partitions defined, mismatch with previous setting",
                    cursor.position() - 1);
        }
        return new PartitionScheme(method, linear, columns, algorithm, expression, columnList, count, sub, partitions);
    }

    private Method list() {
        cursor.expectWord("LIST");
        return Method.LIST;
    }

    private Integer algorithm() {
        if (!cursor.acceptWord("ALGORITHM")) {
            return null;
        }
        cursor.expectSymbol("=");
        Token value = cursor.peek();
        if (value == null || !value.text().equals("1") && !value.text().equals("2")) {
            throw cursor.error();
        }
        cursor.next();
        return Integer.parseInt(value.text());
    }

    private int number() {
        Token value = cursor.peek();
        if (value == null || value.kind() != Token.Kind.NUMBER || !Token.isDigits(value.text())
                || value.text().length() > 9) {
            throw cursor.error();
        }
        cursor.next();
        return Integer.parseInt(value.text());
    }

    private String parenthesizedExpression() {
        cursor.expectSymbol("(");
        int from = cursor.position();
        state.expressions.expression();
        refuseVarying(from);
        String text = cursor.textSince(from);
        cursor.expectSymbol(")");
        return text;
    }

    private List<String> columnList(boolean mayBeEmpty) {
        cursor.expectSymbol("(");
        List<String> result = new ArrayList<>();
        if (mayBeEmpty && cursor.acceptSymbol(")")) {
            return result;
        }
        do {
            result.add(state.expressions.name());
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
        return result;
    }

    /** ( PARTITION name [VALUES ...] [options] [(SUBPARTITION ...)], ... ). */
    List<PartitionScheme.Partition> partitionList() {
        cursor.expectSymbol("(");
        List<PartitionScheme.Partition> result = new ArrayList<>();
        do {
            result.add(partition());
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
        return result;
    }

    private PartitionScheme.Partition partition() {
        cursor.expectWord("PARTITION");
        String name = state.expressions.name();
        Kind kind = Kind.NONE;
        List<List<String>> values = new ArrayList<>();
        if (cursor.acceptWord("VALUES")) {
            if (cursor.acceptWords("LESS", "THAN")) {
                kind = Kind.LESS_THAN;
                values.add(cursor.acceptWord("MAXVALUE") ? List.of("MAXVALUE") : tuple());
            } else {
                cursor.expectWord("IN");
                kind = Kind.IN;
                cursor.expectSymbol("(");
                do {
                    values.add(cursor.isSymbol("(") && isTuple() ? tuple() : List.of(value()));
                } while (cursor.acceptSymbol(","));
                cursor.expectSymbol(")");
            }
        }
        String comment = options();
        List<String> subpartitions = new ArrayList<>();
        if (cursor.isSymbol("(")) {
            cursor.next();
            do {
                cursor.expectWord("SUBPARTITION");
                subpartitions.add(state.expressions.name());
                options();
            } while (cursor.acceptSymbol(","));
            cursor.expectSymbol(")");
        }
        return new PartitionScheme.Partition(name, kind, values, comment, subpartitions);
    }

    /** Whether the parenthesis here holds several values (a COLUMNS tuple) rather than one expression. */
    private boolean isTuple() {
        int depth = 0;
        for (int i = 0; cursor.peek(i) != null; i++) {
            Token token = cursor.peek(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                if (--depth == 0) {
                    return false;
                }
            } else if (depth == 1 && token.isSymbol(",")) {
                return true;
            }
        }
        return false;
    }

    private List<String> tuple() {
        cursor.expectSymbol("(");
        List<String> result = new ArrayList<>();
        do {
            result.add(cursor.acceptWord("MAXVALUE") ? "MAXVALUE" : value());
        } while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
        return result;
    }

    private String value() {
        int from = cursor.position();
        state.expressions.expression();
        refuseVarying(from);
        return cursor.textSince(from);
    }

    /** 1064 as MySQL's grammar gives it for a function or variable whose value is not the row's alone. */
    private void refuseVarying(int from) {
        for (int i = from - cursor.position(); i < 0; i++) {
            Token token = cursor.peek(i);
            if (token.kind() == Token.Kind.WORD && VARYING.contains(token.upper()) && cursor.isSymbol(i + 1, "(")
                    || token.kind() == Token.Kind.USER_VARIABLE || token.kind() == Token.Kind.SYSTEM_VARIABLE
                    || token.kind() == Token.Kind.PARAMETER) {
                throw cursor.error("Constant, random or timezone-dependent expressions in (sub)partitioning function"
                        + " are not allowed", cursor.position());
            }
        }
    }

    /**
     * [STORAGE] ENGINE [=] name, COMMENT [=] 'text', DATA|INDEX DIRECTORY [=] 'dir', MAX_ROWS|MIN_ROWS [=] n,
     * TABLESPACE [=] name, NODEGROUP [=] n, in any order; the comment, or null.
     */
    private String options() {
        String comment = null;
        while (true) {
            if (cursor.acceptWord("STORAGE") || cursor.isWord("ENGINE")) {
                cursor.expectWord("ENGINE");
                cursor.acceptSymbol("=");
                state.expressions.name();
            } else if (cursor.acceptWord("COMMENT")) {
                cursor.acceptSymbol("=");
                comment = string();
            } else if (cursor.acceptWord("DATA") || cursor.acceptWord("INDEX")) {
                cursor.expectWord("DIRECTORY");
                cursor.acceptSymbol("=");
                string();
            } else if (cursor.acceptWord("MAX_ROWS") || cursor.acceptWord("MIN_ROWS")
                    || cursor.acceptWord("NODEGROUP")) {
                cursor.acceptSymbol("=");
                number();
            } else if (cursor.acceptWord("TABLESPACE")) {
                cursor.acceptSymbol("=");
                state.expressions.name();
            } else {
                return comment;
            }
        }
    }

    private String string() {
        if (!cursor.isKind(Token.Kind.STRING)) {
            throw cursor.error();
        }
        return cursor.next().text();
    }
}
