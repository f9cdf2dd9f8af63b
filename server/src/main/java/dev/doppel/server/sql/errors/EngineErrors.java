package dev.doppel.server.sql.errors;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.dml.InsertValues;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import org.h2.api.ErrorCode;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the engine's exceptions into MySQL's errors. */
public final class EngineErrors {
    /**
     * {@code Data conversion error converting "'abc' (t: ""n"" INTEGER)"}: value, column and the column's type (an
     * unsigned type's domain, {@code ""mysql"".""doppel_int_unsigned""}, counts as an integer type).
     */
    private static final Pattern CONVERSION = Pattern.compile("converting \"(.*) \\([^:]*: \"\"([^\"]+)\"\" ([A-Z ]+|\"\"mysql\"\")");
    /** {@code Value too long for column "c CHARACTER VARYING(3)": "'abcd' (4)"}. */
    private static final Pattern TOO_LONG = Pattern.compile("for column \"(\\S+) ([^\"]*)\": \"(.*) \\(\\d+\\)\"");
    /** {@code Numeric value out of range: "128" in column "u"}. */
    private static final Pattern OUT_OF_RANGE = Pattern.compile("out of range: \"([^\"]*)\" in column \"([^\"]+)\"");
    /** {@code Cannot parse "TIMESTAMP" constant "abc"}. */
    private static final Pattern DATETIME = Pattern.compile("Cannot parse \"([A-Z ]+)\" constant \"(.*?)\"");
    /** {@code Value not permitted for column "('a', 'b')": "huge"} (ENUM). */
    private static final Pattern ENUM = Pattern.compile("Value not permitted for column \"[^\"]*\": \"(.*?)\"");

    private EngineErrors() {
    }

    public static MySqlException translate(SQLException e, String sql, String schema) {
        return translate(e, sql, schema, null);
    }

    /** {@code connection} (may be null) lets a duplicate-key error name the key's values exactly. */
    public static MySqlException translate(SQLException e, String sql, String schema, Connection connection) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MySqlException raised) {
                // raised by one of the server's own functions or triggers running in the engine
                return raised;
            }
        }
        if (InternalFailures.resourceExhaustion(e) != null) {
            return InternalFailures.answer(e);
        }
        MySqlException result = switch (e.getErrorCode()) {
            case ErrorCode.SYNTAX_ERROR_1, ErrorCode.SYNTAX_ERROR_2 -> Lexer.syntaxError(sql, syntaxOffset(e, sql));
            case ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1, ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1,
                 ErrorCode.TABLE_OR_VIEW_NOT_FOUND_WITH_CANDIDATES_2 -> tableNotFound(sql, schema, quotedName(e));
            case ErrorCode.SCHEMA_NOT_FOUND_1 -> schemaNotFound(sql, quotedName(e));
            // only the engine's own features need its administrator or a Java class by name: none of them is MySQL's
            case ErrorCode.ADMIN_RIGHTS_REQUIRED, ErrorCode.ACCESS_DENIED_TO_CLASS_1 -> Lexer.syntaxError(sql, 0);
            case ErrorCode.TABLE_OR_VIEW_ALREADY_EXISTS_1 -> MySqlError.ER_TABLE_EXISTS_ERROR.exception(quotedName(e));
            case ErrorCode.STATEMENT_WAS_CANCELED -> MySqlError.ER_QUERY_INTERRUPTED.exception();
            case ErrorCode.LOCK_TIMEOUT_1 -> MySqlError.ER_LOCK_WAIT_TIMEOUT.exception();
            case ErrorCode.DEADLOCK_1 -> MySqlError.ER_LOCK_DEADLOCK.exception();
            // the engine's name is <table>.<name> (KeyNames)
            case ErrorCode.INDEX_ALREADY_EXISTS_1 -> MySqlError.ER_DUP_KEYNAME.exception(
                    quotedName(e).substring(quotedName(e).indexOf('.') + 1));
            case ErrorCode.DUPLICATE_KEY_1 -> {
                MySqlException duplicate = DuplicateKey.of(e.getMessage(), connection);
                yield duplicate != null ? duplicate
                        : new MySqlException(1062, "23000", "Duplicate entry for key: " + firstLine(e));
            }
            case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_PARENT_MISSING_1 -> ForeignKeyViolation.of(e, true, connection);
            case ErrorCode.REFERENTIAL_INTEGRITY_VIOLATED_CHILD_EXISTS_1 -> ForeignKeyViolation.of(e, false, connection);
            case ErrorCode.COLUMN_NOT_FOUND_1 -> columnNotFound(sql, quotedName(e));
            // the engine's check at run time, where the server's static one (UngroupedColumns) could not decide
            case ErrorCode.MUST_GROUP_BY_COLUMN_1 -> MySqlError.ER_WRONG_FIELD_WITH_GROUP.exception(quotedName(e));
            case ErrorCode.DUPLICATE_COLUMN_NAME_1 -> MySqlError.ER_DUP_FIELDNAME.exception(quotedName(e));
            case ErrorCode.AMBIGUOUS_COLUMN_NAME_1 -> MySqlError.ER_NON_UNIQ_ERROR.exception(quotedName(e),
                    ColumnClause.of(sql, quotedName(e)));
            case ErrorCode.FUNCTION_NOT_FOUND_1 -> MySqlError.ER_SP_DOES_NOT_EXIST.exception("FUNCTION",
                    (schema == null ? "" : schema + ".") + quotedName(e));
            case ErrorCode.NULL_NOT_ALLOWED -> StatementShapeErrors.nullNotAllowed(sql, quotedName(e));
            case ErrorCode.COLUMN_COUNT_DOES_NOT_MATCH -> StatementShapeErrors.columnCount(sql);
            case ErrorCode.SCALAR_SUBQUERY_CONTAINS_MORE_THAN_ONE_ROW -> MySqlError.ER_SUBQUERY_NO_1_ROW.exception();
            case ErrorCode.INVALID_USE_OF_AGGREGATE_FUNCTION_1 -> MySqlError.ER_INVALID_GROUP_FUNC_USE.exception();
            case ErrorCode.SECOND_PRIMARY_KEY -> MySqlError.ER_MULTIPLE_PRI_KEY.exception();
            // GROUP BY n and ORDER BY n past the select list
            case ErrorCode.GROUP_BY_NOT_IN_THE_RESULT -> MySqlError.ER_BAD_FIELD_ERROR.exception(quotedName(e),
                    "group statement");
            case ErrorCode.ORDER_BY_NOT_IN_RESULT -> Token.isDigits(quotedName(e))
                    ? MySqlError.ER_BAD_FIELD_ERROR.exception(quotedName(e), "order clause") : null;
            case ErrorCode.DIVISION_BY_ZERO_1 -> MySqlError.ER_DIVISION_BY_ZERO.exception();
            case ErrorCode.VALUE_TOO_LONG_2 -> tooLong(e.getMessage(), sql);
            case ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_2 -> outOfRange(e.getMessage(), sql);
            case ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE_1 -> ArithmeticOverflow.of(quotedName(e), sql);
            case ErrorCode.DATA_CONVERSION_ERROR_1 -> conversion(e.getMessage(), sql);
            case ErrorCode.INVALID_DATETIME_CONSTANT_2 -> datetime(e.getMessage(), sql);
            case ErrorCode.ENUM_VALUE_NOT_PERMITTED -> enumValue(e.getMessage(), sql);
            case ErrorCode.CHECK_CONSTRAINT_VIOLATED_1 -> UnsignedRangeError.of(e.getMessage(), sql, schema);
            case ErrorCode.SAVEPOINT_IS_INVALID_1 -> MySqlError.ER_SP_DOES_NOT_EXIST.exception("SAVEPOINT", quotedName(e));
            default -> null;
        };
        return result != null ? result : new MySqlException(1105, "HY000", firstLine(e));
    }

    /** {@code db.t} names a database that does not exist: MySQL reports the table. */
    private static MySqlException schemaNotFound(String sql, String schema) {
        String table = qualified(sql, schema);
        return table != null ? MySqlError.ER_NO_SUCH_TABLE.exception(schema, table)
                : MySqlError.ER_BAD_DB_ERROR.exception(schema);
    }

    private static MySqlException tableNotFound(String sql, String schema, String table) {
        String qualifier = qualifier(sql, table);
        if (qualifier == null && schema == null) {
            return MySqlError.ER_NO_DB_ERROR.exception();
        }
        String database = qualifier != null ? qualifier : schema;
        List<Token> tokens = Lexer.tokenize(sql);
        if (tokens.size() > 1 && tokens.get(0).isWord("DROP") && tokens.get(1).isWord("TABLE")) {
            return MySqlError.ER_BAD_TABLE_ERROR.exception(database + "." + table);
        }
        return MySqlError.ER_NO_SUCH_TABLE.exception(database, table);
    }

    private static MySqlException columnNotFound(String sql, String column) {
        if (StatementShapeErrors.definesIndex(sql)) {
            return MySqlError.ER_KEY_COLUMN_DOES_NOT_EXITS.exception(column);
        }
        List<Token> tokens = Lexer.tokenize(sql);
        if (tokens.size() > 1 && tokens.get(0).isWord("ALTER") && tokens.stream().anyMatch(t -> t.isWord("DROP"))) {
            return MySqlError.ER_CANT_DROP_FIELD_OR_KEY.exception(column);
        }
        return MySqlError.ER_BAD_FIELD_ERROR.exception(column, ColumnClause.of(sql, column));
    }

    private static MySqlException tooLong(String message, String sql) {
        Matcher matcher = TOO_LONG.matcher(message);
        if (!matcher.find()) {
            return null;
        }
        String column = matcher.group(1);
        int row = row(sql, unquote(matcher.group(3)));
        boolean numeric = matcher.group(2).startsWith("DECIMAL") || matcher.group(2).startsWith("NUMERIC");
        return numeric ? MySqlError.ER_WARN_DATA_OUT_OF_RANGE.exception(column, row)
                : MySqlError.ER_DATA_TOO_LONG.exception(column, row);
    }

    private static MySqlException outOfRange(String message, String sql) {
        Matcher matcher = OUT_OF_RANGE.matcher(message);
        if (!matcher.find()) {
            return null;
        }
        return MySqlError.ER_WARN_DATA_OUT_OF_RANGE.exception(matcher.group(2), row(sql, matcher.group(1)));
    }

    private static MySqlException conversion(String message, String sql) {
        Matcher matcher = CONVERSION.matcher(message);
        if (!matcher.find()) {
            return null;
        }
        String value = unquote(matcher.group(1));
        String type = matcher.group(3).strip();
        String kind = type.startsWith("DECIMAL") || type.startsWith("NUMERIC") ? "decimal"
                : type.startsWith("DOUBLE") || type.startsWith("REAL") || type.startsWith("FLOAT") ? "double"
                : type.startsWith("DATE") || type.startsWith("TIME") ? null : "integer";
        if (kind == null) {
            return datetimeError(type, value, matcher.group(2), row(sql, value));
        }
        return MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.exception(kind, value, matcher.group(2), row(sql, value));
    }

    private static MySqlException datetime(String message, String sql) {
        Matcher matcher = DATETIME.matcher(message);
        if (!matcher.find()) {
            return null;
        }
        InsertValues place = InsertValues.locate(sql, matcher.group(2));
        if (place == null || place.column() == null) {
            return null;
        }
        return datetimeError(matcher.group(1), matcher.group(2), place.column(), place.row());
    }

    /** MySQL reports these with 1292's number and the per-column text. */
    private static MySqlException datetimeError(String type, String value, String column, int row) {
        String kind = type.startsWith("TIMESTAMP") ? "datetime" : type.toLowerCase(Locale.ROOT);
        return new MySqlException(MySqlError.ER_TRUNCATED_WRONG_VALUE.number(),
                MySqlError.ER_TRUNCATED_WRONG_VALUE.sqlState(),
                MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.message(kind, value, column, row));
    }

    private static MySqlException enumValue(String message, String sql) {
        Matcher matcher = ENUM.matcher(message);
        if (!matcher.find()) {
            return null;
        }
        InsertValues place = InsertValues.locate(sql, matcher.group(1));
        if (place == null || place.column() == null) {
            return null;
        }
        return MySqlError.WARN_DATA_TRUNCATED.exception(place.column(), place.row());
    }

    /** The row of an INSERT a bad value came from; 1 when it cannot be told (UPDATE, expressions). */
    private static int row(String sql, String value) {
        InsertValues place = InsertValues.locate(sql, value);
        return place == null ? 1 : place.row();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1).replace("''", "'") : value;
    }

    /** The table named as {@code schema.table} in the statement, or null. */
    private static String qualified(String sql, String schema) {
        List<Token> tokens = Lexer.tokenize(sql);
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).isIdentifier() && tokens.get(i).text().equalsIgnoreCase(schema)
                    && tokens.get(i + 1).isSymbol(".") && tokens.get(i + 2).isIdentifier()) {
                return tokens.get(i + 2).text();
            }
        }
        return null;
    }

    /** The database {@code table} is qualified with in the statement ({@code db.table}), or null. */
    private static String qualifier(String sql, String table) {
        List<Token> tokens = Lexer.tokenize(sql);
        for (int i = 2; i < tokens.size(); i++) {
            if (tokens.get(i).isIdentifier() && tokens.get(i).text().equalsIgnoreCase(table)
                    && tokens.get(i - 1).isSymbol(".") && tokens.get(i - 2).isIdentifier()) {
                return tokens.get(i - 2).text();
            }
        }
        return null;
    }

    /**
     * Where the engine's {@code [*]} marker points in the original text: the engine quotes the statement as it got
     * it (rewritten, with line breaks escaped as \000a), so the text before the marker is matched by its end.
     */
    private static int syntaxOffset(SQLException e, String sql) {
        String message = e.getMessage();
        int marker = message.indexOf("[*]");
        if (marker < 0) {
            return 0;
        }
        int quote = message.indexOf('"');
        if (quote < 0 || quote > marker) {
            return 0;
        }
        String before = message.substring(quote + 1, marker).replace("\\000a", "\n").replace("\\000d", "\r")
                .replace("\\0009", "\t");
        for (int length = Math.min(before.length(), 40); length > 0; length--) {
            String tail = before.substring(before.length() - length);
            int offset = sql.indexOf(tail);
            if (offset >= 0 && sql.indexOf(tail, offset + 1) < 0) {
                return skipSpaces(sql, offset + length);
            }
        }
        return 0;
    }

    private static int skipSpaces(String sql, int offset) {
        while (offset < sql.length() && Character.isWhitespace(sql.charAt(offset))) {
            offset++;
        }
        return offset;
    }

    private static String quotedName(SQLException e) {
        String message = e.getMessage();
        int start = message.indexOf('"');
        int end = start < 0 ? -1 : message.indexOf('"', start + 1);
        return start < 0 || end < 0 ? "" : message.substring(start + 1, end);
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage();
        int end = message.indexOf(';');
        return end < 0 ? message : message.substring(0, end);
    }
}
