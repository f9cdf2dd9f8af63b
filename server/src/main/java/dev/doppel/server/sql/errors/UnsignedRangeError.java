package dev.doppel.server.sql.errors;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.catalog.UnsignedColumns;
import dev.doppel.server.catalog.UnsignedType;
import dev.doppel.server.sql.ddl.UnsignedDeclaration;
import dev.doppel.server.sql.dml.InsertValues;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.Token;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value outside an UNSIGNED type's range fails the check of the type's domain ({@link UnsignedType}); the
 * engine's message names only the check. MySQL's 1264 names the column and row: the column is found among the
 * statement's target table's columns of that type, through the offending literal of an INSERT's VALUES rows when
 * there is one, else the first such column the statement names (row 1).
 */
public final class UnsignedRangeError {
    /** {@code Check constraint violation: "(VALUE BETWEEN 0 AND 255)"}. */
    private static final Pattern CHECK = Pattern.compile("\"\\(VALUE BETWEEN 0 AND (\\d+)\\)\"");
    private static final Set<String> BEFORE_TABLE = Set.of("INSERT", "REPLACE", "UPDATE", "ALTER", "TABLE", "INTO",
            "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY");

    private UnsignedRangeError() {
    }

    /** MySQL's error for the engine's check violation, or null when it is not an unsigned type's check. */
    static MySqlException of(String message, String sql, String schema) {
        Matcher matcher = CHECK.matcher(message);
        UnsignedType type = matcher.find() ? UnsignedType.ofMax(matcher.group(1)) : null;
        if (type == null) {
            return null;
        }
        List<Token> tokens = Lexer.tokenize(sql);
        String altered = !tokens.isEmpty() && tokens.get(0).isWord("ALTER") ? alteredColumn(tokens, type) : null;
        if (altered != null) {
            return MySqlError.ER_WARN_DATA_OUT_OF_RANGE.exception(altered, 1);
        }
        int index = 0;
        while (index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD
                && BEFORE_TABLE.contains(tokens.get(index).upper())) {
            index++;
        }
        if (index >= tokens.size() || !tokens.get(index).isIdentifier()) {
            return null;
        }
        QualifiedName target = QualifiedName.at(tokens, index);
        schema = target.qualifierOr(schema);
        String table = target.name();
        index = target.next();
        List<UnsignedColumns.Column> candidates = new ArrayList<>();
        for (UnsignedColumns.Column each : UnsignedColumns.current().columns(schema, table)) {
            if (each.type() == type) {
                candidates.add(each);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        MySqlException fromValues = fromInsertValues(tokens, index, type, candidates);
        if (fromValues != null) {
            return fromValues;
        }
        for (int i = index; i < tokens.size(); i++) {
            for (UnsignedColumns.Column each : candidates) {
                if (tokens.get(i).isIdentifier() && tokens.get(i).text().equalsIgnoreCase(each.name())) {
                    return MySqlError.ER_WARN_DATA_OUT_OF_RANGE.exception(each.name(), 1);
                }
            }
        }
        return MySqlError.ER_WARN_DATA_OUT_OF_RANGE.exception(candidates.get(0).name(), 1);
    }

    /** The column an ALTER TABLE's MODIFY or CHANGE gives this type (its existing rows failed the check). */
    private static String alteredColumn(List<Token> tokens, UnsignedType type) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            boolean change = tokens.get(i).isWord("CHANGE");
            if (!change && !tokens.get(i).isWord("MODIFY")) {
                continue;
            }
            int name = tokens.get(i + 1).isWord("COLUMN") ? i + 2 : i + 1;
            if (change) {
                name++;
            }
            UnsignedDeclaration declared = name + 1 < tokens.size() ? UnsignedDeclaration.at(tokens, name + 1) : null;
            if (declared != null && declared.type() == type) {
                return tokens.get(name).text();
            }
        }
        return null;
    }

    /** The first literal of {@code [(columns)] VALUES (...), ...} at {@code index} outside the type's range. */
    private static MySqlException fromInsertValues(List<Token> tokens, int index, UnsignedType type,
                                                   List<UnsignedColumns.Column> candidates) {
        InsertValues.Literal found = InsertValues.first(tokens, index, each -> outOfRange(tokens, each.index(), type)
                && column(each.columns(), each.position(), candidates) != null);
        return found == null ? null : MySqlError.ER_WARN_DATA_OUT_OF_RANGE.exception(
                column(found.columns(), found.position(), candidates), found.row());
    }

    /** The candidate at a VALUES position, by the listed columns or else by the table's column order. */
    private static String column(List<String> columns, int position, List<UnsignedColumns.Column> candidates) {
        for (UnsignedColumns.Column each : candidates) {
            boolean here = columns != null ? position < columns.size() && columns.get(position).equalsIgnoreCase(each.name())
                    : each.position() == position + 1;
            if (here) {
                return each.name();
            }
        }
        return null;
    }

    private static boolean outOfRange(List<Token> tokens, int index, UnsignedType type) {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.NUMBER && token.kind() != Token.Kind.STRING) {
            return false;
        }
        boolean negative = token.kind() == Token.Kind.NUMBER && index > 0 && tokens.get(index - 1).isSymbol("-");
        BigDecimal value;
        try {
            value = new BigDecimal(token.text().strip());
        } catch (NumberFormatException e) {
            return false;
        }
        value = (negative ? value.negate() : value).setScale(0, RoundingMode.HALF_UP);
        return value.signum() < 0 || value.toBigInteger().compareTo(type.max()) > 0;
    }
}
