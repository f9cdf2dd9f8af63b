package dev.doppel.server.sql.translate.operators;

import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.translate.EngineEdits;
import dev.doppel.server.sql.translate.TokenRewrite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Two string literals compare in the connection's collation, utf8mb4_0900_ai_ci: without regard to case or accents
 * ({@code 'a' = 'A'} and {@code 'a' = 'á'} are 1, {@code 'abc' LIKE 'A%'} is 1); the engine compared them byte for
 * byte. A comparison (=, <>, !=, <, <=, >, >=, <=>), LIKE, IN list or BETWEEN whose operands are all plain string
 * literals compares their folded texts ({@code PUBLIC.MYSQL_CI_FOLD}, engine.collation.MySqlWeights). A
 * literal marked binary ({@code BINARY 'a'}, {@code _binary 'a'}) or given a collation ({@code COLLATE}) keeps the
 * engine's comparison, and so does a literal beside a column, whose collation MySQL uses.
 */
public final class LiteralCollation implements TokenRewrite {
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=", "<=>");
    /** Operators that would make a literal next to them part of a larger operand. */
    static final Set<String> BINDING = Set.of("+", "-", "*", "/", "%", "||", "&", "|", "^", "<<", ">>", ".");
    private static final String FOLD = "PUBLIC.MYSQL_CI_FOLD(";
    private static final Set<String> TEXT_INTRODUCERS = Set.of("_utf8mb4", "_utf8mb3", "_utf8", "_latin1", "_ascii");

    @Override
    public void collect(SqlText statement, EngineEdits edits) {
        List<Token> tokens = statement.tokens();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token operator = tokens.get(i);
            int right = operator.isWord("NOT") ? i + 2 : i + 1;
            Token word = operator.isWord("NOT") ? tokens.get(i + 1) : operator;
            if (operator.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(operator.text())) {
                wrapAll(tokens, List.of(i - 1, literalAt(tokens, i + 1)), false, edits);
            } else if (word.isWord("LIKE") && right < tokens.size()) {
                wrapAll(tokens, List.of(i - 1, right), true, edits);
            } else if (word.isWord("BETWEEN") && right + 2 < tokens.size()) {
                int low = literalAt(tokens, right);
                int high = low + 2 < tokens.size() && tokens.get(low + 1).isWord("AND") ? literalAt(tokens, low + 2) : -1;
                if (high > 0) {
                    wrapAll(tokens, List.of(i - 1, low, high), false, edits);
                }
            } else if (word.isWord("IN") && right < tokens.size() && tokens.get(right).isSymbol("(")) {
                List<Integer> operands = new ArrayList<>(List.of(i - 1));
                int at = right + 1;
                while (at + 1 < tokens.size() && tokens.get(at = literalAt(tokens, at)).kind() == Token.Kind.STRING
                        && at + 1 < tokens.size()
                        && (tokens.get(at + 1).isSymbol(",") || tokens.get(at + 1).isSymbol(")"))) {
                    operands.add(at);
                    at += 2;
                    if (tokens.get(at - 1).isSymbol(")")) {
                        wrapAll(tokens, operands, false, edits);
                        break;
                    }
                }
            }
        }
    }

    /**
     * Folds each of the tokens, when every one is a plain string literal operand. Beside a
     * {@code _binary} literal the others are compared as their bytes, as MySQL does (the engine refused to compare);
     * a LIKE with one compares bytes in the engine already.
     */
    private static void wrapAll(List<Token> tokens, List<Integer> operands, boolean like, EngineEdits edits) {
        List<Integer> plain = new ArrayList<>();
        boolean binary = false;
        for (int each : operands) {
            if (edits.replaced().containsKey(each)) {
                return;
            }
            if (plainLiteral(tokens, each)) {
                plain.add(each);
            } else if (binaryLiteral(tokens, each) && !like) {
                binary = true;
            } else {
                return;
            }
        }
        if (binary) {
            for (int each : plain) {
                edits.before().merge(each, "CAST(", (existing, added) -> added + existing);
                edits.after().merge(each, " AS VARBINARY)", String::concat);
            }
            return;
        }
        for (int each : operands) {
            // _utf8mb4 'a': the fold goes around the introducer too
            int start = textIntroducer(tokens, each - 1) ? each - 1 : each;
            edits.before().merge(start, FOLD, (existing, added) -> added + existing);
            edits.after().merge(each, ")", String::concat);
        }
    }

    /** The string of {@code _binary 'x'} or {@code _utf8mb4 'x'} starting at {@code index}, or {@code index}. */
    private static int literalAt(List<Token> tokens, int index) {
        return index + 1 < tokens.size() && (tokens.get(index).isWord("_binary") || textIntroducer(tokens, index))
                && tokens.get(index + 1).kind() == Token.Kind.STRING ? index + 1 : index;
    }

    /** {@code _binary 'x'}, a whole operand. */
    private static boolean binaryLiteral(List<Token> tokens, int index) {
        return index > 0 && index < tokens.size() && tokens.get(index).kind() == Token.Kind.STRING
                && tokens.get(index - 1).isWord("_binary")
                && (index + 1 >= tokens.size() || tokens.get(index + 1).kind() != Token.Kind.STRING);
    }

    /** {@code _utf8mb4} and the other text character sets' introducers (not {@code _binary}). */
    private static boolean textIntroducer(List<Token> tokens, int index) {
        if (index < 0 || index + 1 >= tokens.size()) {
            return false;
        }
        Token token = tokens.get(index);
        String name = token.text().toLowerCase(java.util.Locale.ROOT);
        return token.kind() == Token.Kind.WORD && TEXT_INTRODUCERS.contains(name)
                && tokens.get(index + 1).kind() == Token.Kind.STRING;
    }

    /** A string literal that is the whole operand, in the connection's character set and collation. */
    private static boolean plainLiteral(List<Token> tokens, int index) {
        if (index <= 0 || index >= tokens.size() || tokens.get(index).kind() != Token.Kind.STRING) {
            return false;
        }
        Token before = tokens.get(index - 1);
        Token after = index + 1 < tokens.size() ? tokens.get(index + 1) : null;
        // _charset 'x', BINARY 'x', and X'..', B'..', N'..' (a word written against the quote)
        boolean introduced = !textIntroducer(tokens, index - 1) && before.kind() == Token.Kind.WORD
                && (before.text().startsWith("_") || before.isWord("BINARY") || before.end() == tokens.get(index).start());
        if (textIntroducer(tokens, index - 1)) {
            before = index >= 2 ? tokens.get(index - 2) : before;
        }
        boolean bound = before.kind() == Token.Kind.SYMBOL && BINDING.contains(before.text())
                || after != null && (after.kind() == Token.Kind.SYMBOL && BINDING.contains(after.text())
                || after.isWord("COLLATE"));
        // 'a' 'b' is one literal, 'ab'
        boolean adjacent = before.kind() == Token.Kind.STRING
                || after != null && after.kind() == Token.Kind.STRING;
        return !introduced && !bound && !adjacent;
    }
}
