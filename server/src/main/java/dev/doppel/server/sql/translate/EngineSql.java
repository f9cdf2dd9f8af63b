package dev.doppel.server.sql.translate;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.catalog.VirtualTables;
import dev.doppel.server.config.ServerVersion;
import dev.doppel.server.config.variables.VariableQualifier;
import dev.doppel.server.protocol.ClientText;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.ddl.FractionalDeclaration;
import dev.doppel.server.sql.ddl.IntegerDeclarationWarnings;
import dev.doppel.server.sql.ddl.SetDeclaration;
import dev.doppel.server.sql.ddl.UnsignedDeclaration;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.partition.PartitionSelection;
import dev.doppel.server.sql.program.StoredFunctions;
import dev.doppel.server.sql.translate.grouping.DistinctOrderColumns;
import dev.doppel.server.sql.translate.grouping.UngroupedColumns;
import dev.doppel.server.sql.translate.operators.BinaryOperator;
import dev.doppel.server.sql.translate.operators.DivisionResults;
import dev.doppel.server.sql.translate.operators.ModuloTypes;
import dev.doppel.server.sql.translate.operators.LogicalOperators;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a MySQL statement into the engine's SQL: system and user variables and the session functions
 * (DATABASE(), USER(), CONNECTION_ID() ...) become literals, and strings are written with the engine's
 * quoting (MySQL's backslash escapes and double-quoted strings are not the engine's).
 */
public final class EngineSql {
    /** The functions {@link #sessionFunctionValue} answers. */
    private static final Set<String> SESSION_FUNCTIONS = Set.of("DATABASE", "SCHEMA", "VERSION", "USER",
            "SESSION_USER", "SYSTEM_USER", "CURRENT_USER", "CONNECTION_ID", "LAST_INSERT_ID", "FOUND_ROWS",
            "ROW_COUNT", "CURRENT_ROLE");

    /** Words that may follow a table name and are not its alias. */
    private static final Set<String> NOT_ALIASES = Set.of("WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "CROSS",
            "NATURAL", "STRAIGHT_JOIN", "ON", "USING", "GROUP", "ORDER", "LIMIT", "HAVING", "UNION", "WINDOW", "FOR",
            "LOCK", "INTO", "SET", "EXCEPT", "INTERSECT", "USE", "IGNORE", "FORCE", "PARTITION");
    /** MySQL functions the engine knows under another name (see engine.MySqlFunctions and its neighbours). */
    private static final Map<String, String> FUNCTION_NAMES = Map.ofEntries(Map.entry("IF", "CASEWHEN"),
            Map.entry("FIND_IN_SET", "PUBLIC.FIND_IN_SET"), Map.entry("CONCAT", "PUBLIC.MYSQL_CONCAT"),
            Map.entry("REVERSE", "PUBLIC.MYSQL_REVERSE"), Map.entry("MID", "SUBSTRING"),
            Map.entry("BIT_AND", "PUBLIC.MYSQL_BIT_AND_AGG"), Map.entry("BIT_OR", "PUBLIC.MYSQL_BIT_OR_AGG"),
            Map.entry("BIT_XOR", "PUBLIC.MYSQL_BIT_XOR_AGG"),
            Map.entry("CONCAT_WS", "PUBLIC.MYSQL_CONCAT_WS"), Map.entry("REPLACE", "PUBLIC.MYSQL_REPLACE"),
            Map.entry("INSERT", "PUBLIC.MYSQL_INSERT"), Map.entry("REGEXP_REPLACE", "PUBLIC.MYSQL_REGEXP_REPLACE"),
            Map.entry("LENGTH", "PUBLIC.MYSQL_LENGTH"), Map.entry("DATE_FORMAT", "PUBLIC.DATE_FORMAT"),
            Map.entry("SLEEP", "PUBLIC.SLEEP"), Map.entry("POW", "POWER"),
            Map.entry("MD5", "PUBLIC.MYSQL_MD5"), Map.entry("SHA", "PUBLIC.MYSQL_SHA1"),
            Map.entry("SHA1", "PUBLIC.MYSQL_SHA1"), Map.entry("SHA2", "PUBLIC.MYSQL_SHA2"),
            Map.entry("CRC32", "PUBLIC.MYSQL_CRC32"), Map.entry("UUID_TO_BIN", "PUBLIC.MYSQL_UUID_TO_BIN"),
            Map.entry("AES_ENCRYPT", "PUBLIC.MYSQL_AES_ENCRYPT"), Map.entry("AES_DECRYPT", "PUBLIC.MYSQL_AES_DECRYPT"),
            Map.entry("STATEMENT_DIGEST_TEXT", "PUBLIC.MYSQL_STATEMENT_DIGEST_TEXT"),
            Map.entry("STATEMENT_DIGEST", "PUBLIC.MYSQL_STATEMENT_DIGEST"),
            Map.entry("FORMAT_PICO_TIME", "PUBLIC.MYSQL_FORMAT_PICO_TIME"),
            Map.entry("TO_DAYS", "PUBLIC.MYSQL_TO_DAYS"), Map.entry("ISNULL", "PUBLIC.MYSQL_ISNULL"),
            Map.entry("TO_SECONDS", "PUBLIC.MYSQL_TO_SECONDS"),
            Map.entry("FROM_DAYS", "PUBLIC.MYSQL_FROM_DAYS"),
            Map.entry("MAKEDATE", "PUBLIC.MYSQL_MAKEDATE"),
            Map.entry("MAKETIME", "PUBLIC.MYSQL_MAKETIME"),
            Map.entry("SEC_TO_TIME", "PUBLIC.MYSQL_SEC_TO_TIME"),
            Map.entry("TIMEDIFF", "PUBLIC.MYSQL_TIMEDIFF"),
            Map.entry("ADDTIME", "PUBLIC.MYSQL_ADDTIME"),
            Map.entry("SUBTIME", "PUBLIC.MYSQL_SUBTIME"),
            Map.entry("PERIOD_ADD", "PUBLIC.MYSQL_PERIOD_ADD"),
            Map.entry("PERIOD_DIFF", "PUBLIC.MYSQL_PERIOD_DIFF"),
            Map.entry("QUOTE", "PUBLIC.MYSQL_QUOTE"),
            Map.entry("CONV", "PUBLIC.MYSQL_CONV"),
            Map.entry("BIN", "PUBLIC.MYSQL_BIN"),
            Map.entry("OCT", "PUBLIC.MYSQL_OCT"),
            Map.entry("STRCMP", "PUBLIC.MYSQL_STRCMP"),
            Map.entry("ORD", "PUBLIC.MYSQL_ORD"),
            Map.entry("MAKE_SET", "PUBLIC.MYSQL_MAKE_SET"),
            Map.entry("EXPORT_SET", "PUBLIC.MYSQL_EXPORT_SET"),
            Map.entry("TO_BASE64", "PUBLIC.MYSQL_TO_BASE64"),
            Map.entry("FROM_BASE64", "PUBLIC.MYSQL_FROM_BASE64"),
            Map.entry("RANDOM_BYTES", "PUBLIC.MYSQL_RANDOM_BYTES"),
            Map.entry("FORMAT_BYTES", "PUBLIC.MYSQL_FORMAT_BYTES"),
            Map.entry("BIN_TO_UUID", "PUBLIC.MYSQL_BIN_TO_UUID"), Map.entry("IS_UUID", "PUBLIC.MYSQL_IS_UUID"),
            Map.entry("INET6_ATON", "PUBLIC.MYSQL_INET6_ATON"), Map.entry("INET6_NTOA", "PUBLIC.MYSQL_INET6_NTOA"),
            Map.entry("IS_IPV4", "PUBLIC.MYSQL_IS_IPV4"), Map.entry("IS_IPV6", "PUBLIC.MYSQL_IS_IPV6"),
            Map.entry("IS_IPV4_COMPAT", "PUBLIC.MYSQL_IS_IPV4_COMPAT"),
            Map.entry("IS_IPV4_MAPPED", "PUBLIC.MYSQL_IS_IPV4_MAPPED"), Map.entry("HEX", "PUBLIC.MYSQL_HEX"),
            Map.entry("UNHEX", "PUBLIC.MYSQL_UNHEX"), Map.entry("SUBSTRING_INDEX", "PUBLIC.MYSQL_SUBSTRING_INDEX"),
            Map.entry("FIELD", "PUBLIC.MYSQL_FIELD"), Map.entry("ELT", "PUBLIC.MYSQL_ELT"),
            Map.entry("FORMAT", "PUBLIC.MYSQL_FORMAT"), Map.entry("INET_ATON", "PUBLIC.MYSQL_INET_ATON"),
            Map.entry("INET_NTOA", "PUBLIC.MYSQL_INET_NTOA"), Map.entry("UTC_TIMESTAMP", "PUBLIC.MYSQL_UTC_TIMESTAMP"),
            Map.entry("UTC_DATE", "PUBLIC.MYSQL_UTC_DATE"), Map.entry("UTC_TIME", "PUBLIC.MYSQL_UTC_TIME"),
            Map.entry("SYSDATE", "PUBLIC.MYSQL_SYSDATE"), Map.entry("DATEDIFF", "PUBLIC.MYSQL_DATEDIFF"),
            Map.entry("TIME_TO_SEC", "PUBLIC.MYSQL_TIME_TO_SEC"), Map.entry("WEEKDAY", "PUBLIC.MYSQL_WEEKDAY"),
            Map.entry("WEEK", "PUBLIC.MYSQL_WEEK"), Map.entry("YEARWEEK", "PUBLIC.MYSQL_YEARWEEK"),
            Map.entry("MICROSECOND", "PUBLIC.MYSQL_MICROSECOND"),
            Map.entry("CONVERT_TZ", "PUBLIC.MYSQL_CONVERT_TZ"), Map.entry("UUID", "PUBLIC.MYSQL_UUID"),
            Map.entry("LOAD_FILE", "PUBLIC.MYSQL_LOAD_FILE"), Map.entry("REPEAT", "PUBLIC.MYSQL_REPEAT"),
            Map.entry("SPACE", "PUBLIC.MYSQL_SPACE"), Map.entry("LPAD", "PUBLIC.MYSQL_LPAD"),
            Map.entry("RPAD", "PUBLIC.MYSQL_RPAD"), Map.entry("LOG2", "PUBLIC.MYSQL_LOG2"), Map.entry("BIT_COUNT", "PUBLIC.MYSQL_BIT_COUNT"),
            Map.entry("GET_LOCK", "PUBLIC.MYSQL_GET_LOCK"), Map.entry("RELEASE_LOCK", "PUBLIC.MYSQL_RELEASE_LOCK"),
            Map.entry("IS_FREE_LOCK", "PUBLIC.MYSQL_IS_FREE_LOCK"), Map.entry("IS_USED_LOCK", "PUBLIC.MYSQL_IS_USED_LOCK"),
            Map.entry("RELEASE_ALL_LOCKS", "PUBLIC.MYSQL_RELEASE_ALL_LOCKS"),
            // MySQL's STD, STDDEV and VARIANCE are the population forms; the engine's STDDEV and VARIANCE the sample
            Map.entry("STD", "STDDEV_POP"), Map.entry("STDDEV", "STDDEV_POP"), Map.entry("VARIANCE", "VAR_POP"));
    /** Words after which a name followed by "(" is a table or an index, not a function call. */
    private static final Set<String> BEFORE_TABLE_NAMES = Set.of("INTO", "TABLE", "UPDATE", "REFERENCES", "EXISTS",
            "INDEX", "KEY", "JOIN", "FROM");
    private EngineSql() {
    }

    public static String rewrite(String sql, List<Token> tokens, Session session) {
        StringBuilder result = new StringBuilder(sql.length() + 16);
        Map<Integer, String> replaced = new HashMap<>();
        Map<Integer, String> before = new HashMap<>();
        Map<Integer, String> after = new HashMap<>();
        SqlText statement = new SqlText(sql, tokens);
        DivisionResults divisions = DivisionResults.of(statement, session);
        EngineEdits edits = new EngineEdits(before, replaced, after, divisions.exactDivisions());
        for (TokenRewrite step : EnginePipeline.ENGINE_SPELLING) {
            step.collect(statement, edits);
        }
        divisions.wrap(edits);
        ModuloTypes.collect(statement, edits, session);
        FulltextMatches.collect(statement, edits, session);
        PartitionSelection.collect(statement, edits, session);
        BinaryStringCalls.collect(statement, edits, session);
        UserVariableAssignments.collect(statement, edits, session);
        BinaryOperator.collect(statement, edits, session);
        LogicalOperators.collect(statement, edits, session);
        ColumnLiteralComparisons.collect(statement, edits, session);
        IntegerColumnArithmetic.collect(statement, edits, session);
        GroupByColumns.collect(statement, edits, session);
        UngroupedColumns.collect(statement, edits, session);
        DistinctOrderColumns.check(statement, session);
        Token previous = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (previous != null) {
                String gap = sql.substring(previous.end(), token.start());
                result.append(gap.isBlank() ? gap : " ");
            }
            previous = token;
            int first = i;
            if (!before.isEmpty() && before.containsKey(i)) {
                result.append(before.get(i));
            }
            i = appendToken(sql, tokens, i, replaced, session, result);
            for (int each = first; !after.isEmpty() && each <= i; each++) {
                if (after.containsKey(each)) {
                    result.append(after.get(each));
                }
            }
            previous = tokens.get(i);
        }
        return result.toString();
    }

    /** Appends the engine's text of the token at {@code i} (and any it belongs with); returns the last one used. */
    private static int appendToken(String sql, List<Token> tokens, int i, Map<Integer, String> replaced,
                                   Session session, StringBuilder result) {
        Token token = tokens.get(i);
        String replacement = replaced.get(i);
        if (replacement != null) {
            result.append(replacement);
            return i;
        }
        switch (token.kind()) {
            case STRING -> {
                return appendStrings(tokens, i, result);
            }
            case SYSTEM_VARIABLE -> appendLiteral(result, systemVariable(session, token.text()));
            case USER_VARIABLE -> appendLiteral(result, session.userVariables().get(token.text().toLowerCase(Locale.ROOT)));
            case QUOTED_IDENTIFIER -> {
                int call = StoredFunctions.appendCall(tokens, i, session == null ? null : session.schema(), result);
                if (call >= 0) {
                    return call;
                }
                int consumed = virtualTable(tokens, i, result);
                if (consumed > 0) {
                    i += consumed - 1;
                } else {
                    result.append(sql, token.start(), token.end());
                }
            }
            case WORD -> {
                int introduced = charsetIntroducer(tokens, i, session, result);
                if (introduced >= 0) {
                    return introduced;
                }
                if (token.isWord("DELAYED") && i == 1 && (tokens.get(0).isWord("INSERT") || tokens.get(0).isWord("REPLACE"))) {
                    // 8.4 parses it and runs the statement as a plain one
                    if (session != null) {
                        warnDelayed(session, tokens.get(0).upper());
                    }
                    return i;
                }
                if (token.isWord("SQL_NO_CACHE") && i > 0 && tokens.get(i - 1).isWord("SELECT")) {
                    // 8.4 still parses it (the query cache is gone): no effect but a deprecation warning
                    if (session != null) {
                        session.addWarning("Warning", 1681,
                                MySqlError.ER_WARN_DEPRECATED_SYNTAX_NO_REPLACEMENT.message("SQL_NO_CACHE"));
                    }
                    return i;
                }
                int call = StoredFunctions.appendCall(tokens, i, session == null ? null : session.schema(), result);
                if (call >= 0) {
                    return call;
                }
                int consumed = virtualTable(tokens, i, result);
                if (consumed == 0) {
                    consumed = sessionFunction(tokens, i, session, result);
                }
                if (consumed == 0) {
                    IntegerDeclarationWarnings.at(tokens, i).forEach(text -> ParseWarnings.add(session, 1681, text));
                }
                SetDeclaration set;
                String caseless;
                UnsignedDeclaration unsigned = consumed > 0 ? null : UnsignedDeclaration.at(tokens, i);
                FractionalDeclaration fractional = consumed > 0 || unsigned != null ? null
                        : FractionalDeclaration.at(tokens, i);
                if (consumed > 0) {
                    i += consumed - 1;
                } else if (unsigned != null) {
                    result.append(unsigned.type().domain());
                    i = unsigned.last();
                } else if (fractional != null) {
                    result.append(fractional.engineType());
                    if (session != null) {
                        fractional.warnings().forEach(text -> ParseWarnings.add(session, 1681, text));
                    }
                    i = fractional.last();
                } else if ((set = SetDeclaration.at(tokens, i)) != null) {
                    result.append(set.engineType());
                    i = set.last();
                } else if (i == 1 && token.isWord("TEMPORARY") && tokens.get(0).isWord("CREATE")) {
                    // the engine's TEMPORARY alone is GLOBAL TEMPORARY: one table, rows included, for every session
                    result.append("LOCAL TEMPORARY");
                } else if ((caseless = CaseInsensitiveText.replacement(tokens, i)) != null) {
                    result.append(caseless);
                } else if (token.isWord("USER") && (i + 1 == tokens.size() || !tokens.get(i + 1).isSymbol("("))) {
                    // a column (mysql.user.User, mysql.db.User, ...): to H2 a bare USER is the current user
                    result.append('`').append(token.text()).append('`');
                } else {
                    result.append(token.text());
                }
            }
            case NUMBER -> {
                if (isIntegerOperand(tokens, i)) {
                    // the engine adds and multiplies INT by INT in INT and fails past it; MySQL computes in BIGINT
                    result.append("CAST(").append(sql, token.start(), token.end()).append(" AS BIGINT)");
                } else {
                    result.append(sql, token.start(), token.end());
                }
            }
            default -> result.append(sql, token.start(), token.end());
        }
        return i;
    }

    private static final Set<String> ARITHMETIC_STATEMENTS = Set.of("SELECT", "WITH", "INSERT", "REPLACE", "UPDATE",
            "DELETE", "(");
    /** Functions that give an integer: an integer literal next to one of them is widened. */
    private static final Set<String> INTEGER_FUNCTIONS = Set.of("UNIX_TIMESTAMP", "COUNT", "LENGTH", "OCTET_LENGTH",
            "CHAR_LENGTH", "CHARACTER_LENGTH", "BIT_LENGTH", "CONNECTION_ID", "LAST_INSERT_ID", "ROW_COUNT",
            "FOUND_ROWS", "YEAR", "MONTH", "DAY", "DAYOFMONTH", "HOUR", "MINUTE", "SECOND", "TO_DAYS", "TO_SECONDS",
            "DATEDIFF", "TIMESTAMPDIFF", "CRC32", "ASCII", "ORD", "LOCATE", "INSTR", "POSITION", "FIELD", "SIGN");

    /**
     * An integer literal of at most 10 digits, operand of a binary {@code +}, {@code -} or {@code *} in a query or DML
     * statement, whose other operand is an integer literal or a call of an integer function. Only then: the engine
     * adds a BIGINT to neither a DATE nor a TIME ({@code CURDATE() - 7} would fail), and it cannot be told here
     * whether a column is an integer. DDL keeps its literals as written (a column default shows as typed).
     */
    private static boolean isIntegerOperand(List<Token> tokens, int i) {
        String digits = tokens.get(i).text();
        boolean besideOperator = i > 0 && isArithmetic(tokens.get(i - 1))
                || i + 1 < tokens.size() && isArithmetic(tokens.get(i + 1));
        // the cheap tests first: this runs for every number of every statement the engine gets
        if (!besideOperator || digits.length() > 10 || !Token.isDigits(digits)
                || isDivision(tokens, i - 1) || isDivision(tokens, i + 1)
                || !ARITHMETIC_STATEMENTS.contains(tokens.get(0).upper())) {
            return false;
        }
        if (i + 2 < tokens.size() && isArithmetic(tokens.get(i + 1)) && integerStartsAt(tokens, i + 2)) {
            return true;
        }
        if (i < 2 || !isArithmetic(tokens.get(i - 1))) {
            return false;
        }
        // a sign after a binary operator ({@code 5 - -1}) belongs to this literal
        int before = i - 2;
        if (isArithmetic(tokens.get(before)) && before >= 1 && integerEndsAt(tokens, before - 1)) {
            return true;
        }
        return integerEndsAt(tokens, before);
    }

    /** An integer literal, or a call of an integer function, starts at {@code index} (a sign before it allowed). */
    private static boolean integerStartsAt(List<Token> tokens, int index) {
        if (index < tokens.size() && (tokens.get(index).isSymbol("-") || tokens.get(index).isSymbol("+"))) {
            index++;
        }
        if (index >= tokens.size()) {
            return false;
        }
        Token first = tokens.get(index);
        if (first.kind() == Token.Kind.NUMBER) {
            return Token.isDigits(first.text()) && !isDivision(tokens, index + 1);
        }
        return first.kind() == Token.Kind.WORD && INTEGER_FUNCTIONS.contains(first.upper()) && index + 1 < tokens.size()
                && tokens.get(index + 1).isSymbol("(");
    }

    /** An integer literal, or a call of an integer function, ends at {@code index}. */
    private static boolean integerEndsAt(List<Token> tokens, int index) {
        Token last = tokens.get(index);
        if (last.kind() == Token.Kind.NUMBER) {
            return Token.isDigits(last.text()) && !isDivision(tokens, index - 1);
        }
        if (!last.isSymbol(")")) {
            return false;
        }
        int depth = 0;
        for (int each = index; each >= 0; each--) {
            if (tokens.get(each).isSymbol(")")) {
                depth++;
            } else if (tokens.get(each).isSymbol("(") && --depth == 0) {
                return each > 0 && tokens.get(each - 1).kind() == Token.Kind.WORD
                        && INTEGER_FUNCTIONS.contains(tokens.get(each - 1).upper());
            }
        }
        return false;
    }

    /** A division operator at {@code index}: its operands are the division's (Division), which binds tighter. */
    static boolean isDivision(List<Token> tokens, int index) {
        if (index < 0 || index >= tokens.size()) {
            return false;
        }
        Token token = tokens.get(index);
        return token.isSymbol("/") || token.isSymbol("%") || token.isWord("DIV") || token.isWord("MOD");
    }

    private static boolean isArithmetic(Token token) {
        return token.isSymbol("+") || token.isSymbol("-") || token.isSymbol("*");
    }

    /** The value of {@code @@[global.|session.|local.]name}. */
    public static Object systemVariable(Session session, String reference) {
        VariableQualifier qualifier = VariableQualifier.NONE;
        String name = reference;
        String lower = reference.toLowerCase(Locale.ROOT);
        if (lower.startsWith("global.")) {
            qualifier = VariableQualifier.GLOBAL;
            name = reference.substring(7);
        } else if (lower.startsWith("session.")) {
            qualifier = VariableQualifier.SESSION;
            name = reference.substring(8);
        } else if (lower.startsWith("local.")) {
            qualifier = VariableQualifier.SESSION;
            name = reference.substring(6);
        }
        return session.variables().get(name, qualifier);
    }

    /**
     * {@code information_schema.plugins} and the other tables served by {@link VirtualTables}: read through the
     * engine's table function, under the table's own name so that qualified column names still work.
     */
    private static int virtualTable(List<Token> tokens, int index, StringBuilder out) {
        Token schema = tokens.get(index);
        if (!VirtualTables.isVirtualSchema(schema.text()) || index + 2 >= tokens.size()
                || !tokens.get(index + 1).isSymbol(".") || !tokens.get(index + 2).isIdentifier()) {
            return 0;
        }
        Token table = tokens.get(index + 2);
        var found = VirtualTables.current().find(schema.text(), table.text());
        if (found.isEmpty()) {
            if (schema.text().equalsIgnoreCase("performance_schema")) {
                // every performance_schema table is virtual; one that is not there (yet) does not exist
                throw MySqlError.ER_NO_SUCH_TABLE.exception("performance_schema", table.text());
            }
            if (!VirtualTables.current().isEngineInformationSchemaTable(table.text())) {
                throw MySqlError.ER_UNKNOWN_TABLE.exception(table.text(), "information_schema");
            }
            return 0;
        }
        out.append(VirtualTables.source(found.get()));
        Token next = index + 3 < tokens.size() ? tokens.get(index + 3) : null;
        boolean aliased = next != null && (next.isWord("AS") || next.kind() == Token.Kind.QUOTED_IDENTIFIER
                || (next.kind() == Token.Kind.WORD && !NOT_ALIASES.contains(next.upper())));
        if (!aliased) {
            out.append(" AS `").append(table.text()).append('`');
        }
        return 3;
    }

    private static int sessionFunction(List<Token> tokens, int index, Session session, StringBuilder out) {
        String name = tokens.get(index).upper();
        String replacement = FUNCTION_NAMES.get(name);
        Token before = index > 0 ? tokens.get(index - 1) : null;
        if (replacement != null && index + 1 < tokens.size() && tokens.get(index + 1).isSymbol("(")
                && (before == null || !before.isSymbol(".") && !(before.kind() == Token.Kind.WORD
                        && BEFORE_TABLE_NAMES.contains(before.upper())))) {
            out.append(replacement);
            return 1;
        }
        if (name.equals("LAST_INSERT_ID") && index + 2 < tokens.size() && tokens.get(index + 1).isSymbol("(")
                && !tokens.get(index + 2).isSymbol(")") && !(index > 0 && tokens.get(index - 1).isSymbol("."))) {
            // LAST_INSERT_ID(expr) sets the session's value (see engine.StatementEffects)
            out.append("PUBLIC.MYSQL_LAST_INSERT_ID");
            return 1;
        }
        Object[] value = new Object[1];
        int consumed = sessionFunctionValue(tokens, index, session, value);
        if (consumed > 0) {
            appendLiteral(out, value[0]);
            if (session != null && tokens.get(index).isWord("FOUND_ROWS")) {
                FoundRows.warnFunction(session);
            }
        }
        return consumed;
    }

    /**
     * The value of a session function at {@code index} (DATABASE(), USER(), CURRENT_USER, CONNECTION_ID() ...)
     * into {@code out[0]}; returns the number of tokens it spans, 0 when there is none.
     */
    public static int sessionFunctionValue(List<Token> tokens, int index, Session session, Object[] out) {
        Token token = tokens.get(index);
        if (token.kind() != Token.Kind.WORD || (index > 0 && tokens.get(index - 1).isSymbol("."))) {
            return 0;
        }
        boolean call = index + 2 < tokens.size() && tokens.get(index + 1).isSymbol("(")
                && tokens.get(index + 2).isSymbol(")")
                && tokens.get(index + 1).start() == token.end();
        String name = token.upper();
        if (!call) {
            if (name.equals("CURRENT_USER") && !(index + 1 < tokens.size() && tokens.get(index + 1).isSymbol("("))) {
                out[0] = session == null ? null : session.account().user() + "@" + session.account().host();
                return 1;
            }
            return 0;
        }
        if (session == null) {
            return SESSION_FUNCTIONS.contains(name) ? 3 : 0;
        }
        switch (name) {
            case "DATABASE", "SCHEMA" -> out[0] = session.schema();
            case "VERSION" -> out[0] = ServerVersion.VERSION;
            case "USER", "SESSION_USER", "SYSTEM_USER" -> out[0] = session.user() + "@" + session.host();
            case "CURRENT_USER" -> out[0] = session.privileges().account().user() + "@"
                    + session.privileges().account().host(); // the definer's, inside a SQL SECURITY DEFINER program
            case "CONNECTION_ID" -> out[0] = session.id();
            case "LAST_INSERT_ID" -> out[0] = session.lastInsertId();
            case "FOUND_ROWS" -> out[0] = session.foundRows();
            case "ROW_COUNT" -> out[0] = session.writer().rowCount();
            // no roles here: MySQL's answer with none active (the engine's own CURRENT_ROLE named its role)
            case "CURRENT_ROLE" -> out[0] = "NONE";
            default -> {
                return 0;
            }
        }
        return 3;
    }

    /**
     * A character set introducer ({@code _binary'..'}, {@code _latin1'..'}, {@code _utf8mb4'..'}), which the engine
     * does not know: the literal's bytes as the client sent them, read in the introduced character set; with
     * {@code _binary} they stay bytes. Returns the last token used, or -1 when the token is no introducer.
     */
    private static int charsetIntroducer(List<Token> tokens, int i, Session session, StringBuilder result) {
        Token token = tokens.get(i);
        if (!token.text().startsWith("_") || i + 1 == tokens.size() || i > 0 && tokens.get(i - 1).isSymbol(".")) {
            return -1;
        }
        String name = token.text().substring(1).toLowerCase(Locale.ROOT);
        java.util.Optional<dev.doppel.server.config.MySqlCharset> charset =
                name.equals("binary") ? java.util.Optional.empty() : dev.doppel.server.config.Charsets.charset(name);
        if (!name.equals("binary") && charset.isEmpty()) {
            return -1;
        }
        Token literal = tokens.get(i + 1);
        if (literal.kind() != Token.Kind.STRING) {
            // _binary 0x41, _utf8mb4 X'41': the engine takes the literal as it is
            return literal.kind() == Token.Kind.NUMBER || literal.isWord("X") || literal.isWord("B") ? i : -1;
        }
        java.nio.charset.Charset client = session == null ? java.nio.charset.StandardCharsets.UTF_8
                : session.clientCharset();
        byte[] bytes = ClientText.bytes(literal.text(), client);
        if (charset.isEmpty()) {
            appendLiteral(result, bytes);
        } else {
            appendLiteral(result, ClientText.decode(bytes, charset.get().javaCharset()));
        }
        return i + 1;
    }

    /**
     * A string literal, and the ones right after it: MySQL reads {@code 'a' 'b'} as one literal, 'ab', where the
     * engine would take the second for an alias. Returns the last one used.
     */
    private static int appendStrings(List<Token> tokens, int i, StringBuilder result) {
        int last = i;
        while (last + 1 < tokens.size() && tokens.get(last + 1).kind() == Token.Kind.STRING) {
            last++;
        }
        if (last == i) {
            appendLiteral(result, tokens.get(i).text());
            return i;
        }
        StringBuilder joined = new StringBuilder();
        for (int each = i; each <= last; each++) {
            joined.append(tokens.get(each).text());
        }
        appendLiteral(result, joined.toString());
        return last;
    }

    public static void appendLiteral(StringBuilder out, Object value) {
        if (value == null) {
            out.append("NULL");
        } else if (value instanceof Number number) {
            out.append(number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString());
        } else if (value instanceof Boolean bool) {
            out.append(bool ? '1' : '0');
        } else if (value instanceof byte[] bytes) {
            out.append("X'").append(HexFormat.of().formatHex(bytes)).append('\'');
        } else if (value instanceof String text && ClientText.hasRawBytes(text)) {
            // bytes that are no text: a binary column stores them as they came
            out.append("X'").append(HexFormat.of().formatHex(ClientText.utf8Bytes(text))).append('\'');
        } else {
            out.append('\'').append(value.toString().replace("'", "''")).append('\'');
        }
    }

    /** MySQL's warning 3005 for INSERT DELAYED / REPLACE DELAYED ({@code verb}), which run as plain statements. */
    public static void warnDelayed(Session session, String verb) {
        session.addWarning("Warning", 3005, MySqlError.ER_WARN_LEGACY_SYNTAX_CONVERTED.message(verb + " DELAYED", verb));
    }
}
