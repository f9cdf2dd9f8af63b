package dev.doppel.server.sql;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.protocol.Capabilities;
import dev.doppel.server.protocol.ColumnDefinition;
import dev.doppel.server.protocol.ColumnType;
import dev.doppel.server.protocol.Command;
import dev.doppel.server.protocol.MalformedPacketException;
import dev.doppel.server.protocol.ResponseWriter;
import dev.doppel.server.protocol.Wire;
import dev.doppel.server.session.GeneralLogLines;
import dev.doppel.server.session.Session;
import dev.doppel.server.session.StatementStatistics;
import dev.doppel.server.status.StatementDigest;
import dev.doppel.server.sql.access.EngineStatementKinds;
import dev.doppel.server.sql.access.FunctionAllowlist;
import dev.doppel.server.sql.access.NoDatabase;
import dev.doppel.server.sql.access.TableAccess;
import dev.doppel.server.sql.dml.InsertIgnore;
import dev.doppel.server.sql.dml.InvalidTextLiterals;
import dev.doppel.server.sql.dml.MultiTableDml;
import dev.doppel.server.sql.dml.ReplaceRows;
import dev.doppel.server.sql.dml.UpdateIgnore;
import dev.doppel.server.sql.dml.TextColumnValues;
import dev.doppel.server.sql.errors.EngineErrors;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.program.RoutineStatements;
import dev.doppel.server.sql.results.ColumnMapping;
import dev.doppel.server.sql.results.SelectLabels;
import dev.doppel.server.sql.translate.EngineSql;
import dev.doppel.server.sql.translate.FoundRows;
import dev.doppel.server.sql.translate.EnginePipeline;
import dev.doppel.server.sql.translate.statements.GroupRollup;
import io.netty.buffer.ByteBuf;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The binary prepared-statement protocol: COM_STMT_PREPARE, EXECUTE (with the NULL bitmap, new-params-bound
 * flag and parameter types cached per statement), SEND_LONG_DATA, RESET and CLOSE. Statements the engine runs
 * are prepared in the engine; statements the server owns (SET, SHOW ...) run through the text path with the
 * parameters written in as literals. Results go out as binary rows.
 */
public final class PreparedStatements {
    private static final Set<String> ENGINE_PREPARED = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE", "WITH");

    private final Session session;
    private final QueryExecutor executor;
    private final Map<Long, Prepared> statements = new HashMap<>();
    private long nextId = 1;

    private static final class Prepared {
        final long id;
        final String sql;
        final List<Token> tokens;
        final int parameterCount;
        PreparedStatement engine;
        final List<String> labels;
        /**
         * Reads variables or session functions, which the engine statement would have frozen at PREPARE, or is an
         * INSERT IGNORE, which the server runs row by row: either goes the text path with its parameters filled in.
         */
        final boolean readsSessionState;
        final int[] parameterTypes;
        final Map<Integer, ByteArrayOutputStream> longData = new HashMap<>();
        /** Null unless this is a plain SELECT prepared in the engine, which may run on the network thread. */
        final QuickReads quick;
        /** Its digest (performance_schema), made at the first execution. */
        StatementDigest digest;
        /** The tables' generation the engine's statement was translated at ({@link #prepareAgainAfterDdl}). */
        long tablesGeneration = dev.doppel.server.catalog.UnsignedColumns.current().generation();

        Prepared(long id, String sql, List<Token> tokens, int parameterCount, PreparedStatement engine,
                 List<String> labels) {
            this.id = id;
            this.sql = sql;
            this.tokens = tokens;
            this.parameterCount = parameterCount;
            this.engine = engine;
            this.labels = labels;
            this.readsSessionState = readsSessionState(tokens) || InsertIgnore.matches(tokens);
            this.parameterTypes = new int[parameterCount];
            this.quick = engine != null && QuickReads.isPlainSelect(tokens) ? new QuickReads() : null;
        }
    }

    PreparedStatements(Session session, QueryExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    public void dispatch(int command, ByteBuf payload) {
        session.server().status().statements().command(session.status(), switch (command) {
            case Command.COM_STMT_PREPARE -> "stmt_prepare";
            case Command.COM_STMT_EXECUTE -> "stmt_execute";
            case Command.COM_STMT_SEND_LONG_DATA -> "stmt_send_long_data";
            case Command.COM_STMT_RESET -> "stmt_reset";
            case Command.COM_STMT_CLOSE -> "stmt_close";
            default -> "stmt_fetch";
        });
        switch (command) {
            case Command.COM_STMT_PREPARE -> prepare(Wire.readRestAsText(payload, session.clientCharset()));
            case Command.COM_STMT_EXECUTE -> execute(payload);
            case Command.COM_STMT_SEND_LONG_DATA -> sendLongData(payload);
            case Command.COM_STMT_RESET -> {
                statement(payload.readUnsignedIntLE(), "mysqld_stmt_reset").longData.clear();
                executor.ok(0, 0);
            }
            case Command.COM_STMT_CLOSE -> close(payload.readUnsignedIntLE());
            default -> throw MySqlError.ER_UNKNOWN_COM_ERROR.exception();
        }
    }

    /**
     * Whether this COM_STMT_EXECUTE may run on the network thread (see {@link QuickReads}): a plain SELECT without a
     * cursor or long data that ran quickly before. Called only when no other command of the session is pending.
     */
    public boolean canRunInline(ByteBuf payload) {
        int at = payload.readerIndex() + 1;
        if (payload.readableBytes() < 10) {
            return false;
        }
        Prepared statement = statements.get(payload.getUnsignedIntLE(at));
        return statement != null && statement.quick != null && statement.quick.mayRunInline()
                && payload.getUnsignedByte(at + 4) == 0 && statement.longData.isEmpty();
    }

    /** The engine's statement for a statement the engine runs; null when it runs with its values in place. */
    private PreparedStatement engineStatement(String sql, List<Token> tokens, int parameters, String keyword)
            throws SQLException {
        SqlText statement = ReplaceRows.asMySql(new SqlText(sql, tokens), session);
        SqlText compatible = EnginePipeline.mysqlForms(statement, session);
        if (parameterCount(compatible.tokens()) != parameters) {
            // a HAVING alias whose expression holds a ? would bind that parameter twice: leave it to the engine;
            // WITH ROLLUP's levels repeat the whole query: it runs with its values in place at each execution
            if (GroupRollup.hasRollup(statement.tokens())) {
                return null;
            }
            compatible = statement;
        }
        String engineSql = EnginePipeline.spelling(TextColumnValues.checked(compatible, session), session);
        return keyword.equals("INSERT") || keyword.equals("REPLACE")
                ? session.engineConnection().prepareStatement(engineSql, java.sql.Statement.RETURN_GENERATED_KEYS)
                : session.engineConnection().prepareStatement(engineSql);
    }

    /**
     * After DDL the statement's translation may depend on what changed (a FULLTEXT index dropped, a column's type):
     * it is made again, as MySQL prepares a statement again after DDL.
     */
    private void prepareAgainAfterDdl(Prepared statement) {
        long generation = dev.doppel.server.catalog.UnsignedColumns.current().generation();
        if (statement.engine == null || statement.tablesGeneration == generation) {
            return;
        }
        try {
            statement.engine.close();
        } catch (SQLException e) {
            // the engine's statement is replaced either way
        }
        statement.engine = null;
        statement.tablesGeneration = generation;
        String keyword = statement.tokens.get(0).upper();
        try {
            statement.engine = engineStatement(statement.sql, statement.tokens, statement.parameterCount, keyword);
        } catch (SQLException e) {
            if (e.getErrorCode() != org.h2.api.ErrorCode.UNKNOWN_DATA_TYPE_1 || statement.parameterCount == 0) {
                throw EngineErrors.translate(e, statement.sql, session.schema());
            }
        }
    }

    private void prepare(String sql) {
        dev.doppel.server.session.GeneralLogLines.write(session, "Prepare", sql);
        session.clearWarnings();
        List<Token> tokens = Lexer.tokenize(sql);
        if (tokens.isEmpty()) {
            throw MySqlError.ER_EMPTY_QUERY.exception();
        }
        if (RoutineStatements.definesProgram(tokens)) {
            throw MySqlError.ER_UNSUPPORTED_PS.exception();
        }
        for (Token each : tokens) {
            if (each.isSymbol(";") && each != tokens.get(tokens.size() - 1)) {
                throw Lexer.syntaxError(sql, each.start());
            }
        }
        int parameters = parameterCount(tokens);
        String keyword = tokens.get(0).kind() == Token.Kind.WORD ? tokens.get(0).upper() : "";
        PreparedStatement engine = null;
        List<ColumnDefinition> columns = List.of();
        List<String> labels = SelectLabels.of(sql, tokens);
        if (ENGINE_PREPARED.contains(keyword) && (MultiTableDml.matches(tokens) || UpdateIgnore.matches(tokens)
                || FoundRows.withoutModifier(new SqlText(sql, tokens)) != null || StatementRoutes.intoVariables(tokens))) {
            // the server runs it at execution (MultiTableDml, UpdateIgnore, FoundRows, SELECT ... INTO @var)
            TableAccess.check(tokens, session);
        } else if (ENGINE_PREPARED.contains(keyword)) {
            EngineStatementKinds.checkSelectList(sql, tokens);
            FunctionAllowlist.check(sql, tokens, session.schema());
            NoDatabase.check(tokens, session);
            TableAccess.check(tokens, session); // MySQL checks at prepare time too, before the tables' existence
            try {
                engine = engineStatement(sql, tokens, parameters, keyword);
                ResultSetMetaData meta = engine == null ? null : engine.getMetaData();
                if (meta != null) {
                    columns = ColumnMapping.columns(meta, labels);
                }
            } catch (SQLException e) {
                // SELECT ?: the engine cannot type a parameter that stands alone, MySQL types it by the value bound;
                // the statement then runs with its values in place at each execution, and its columns come then
                if (e.getErrorCode() != org.h2.api.ErrorCode.UNKNOWN_DATA_TYPE_1 || parameters == 0) {
                    throw EngineErrors.translate(e, sql, session.schema());
                }
            }
        }
        long id = nextId++;
        statements.put(id, new Prepared(id, sql, tokens, parameters, engine, labels));
        ResponseWriter writer = session.writer();
        ByteBuf out = writer.output().begin();
        out.writeByte(0);
        out.writeIntLE((int) id);
        out.writeShortLE(columns.size());
        out.writeShortLE(parameters);
        out.writeByte(0);
        out.writeShortLE(session.warnings().size());
        writer.output().end();
        boolean deprecateEof = Capabilities.has(session.capabilities(), Capabilities.CLIENT_DEPRECATE_EOF);
        if (parameters > 0) {
            ColumnDefinition parameter = ColumnDefinition.computed("?", ColumnDefinition.BINARY_CHARSET, 0,
                    ColumnType.VAR_STRING, ColumnType.BINARY_FLAG, 0);
            for (int i = 0; i < parameters; i++) {
                parameter.encode(writer.output().begin());
                writer.output().end();
            }
            if (!deprecateEof) {
                writer.eof(session.statusFlags(), 0);
            }
        }
        if (!columns.isEmpty()) {
            for (ColumnDefinition each : columns) {
                each.encode(writer.output().begin());
                writer.output().end();
            }
            if (!deprecateEof) {
                writer.eof(session.statusFlags(), 0);
            }
        }
    }

    /**
     * Variables and session functions (LAST_INSERT_ID(), DATABASE() ...) become literals when a statement is
     * rewritten for the engine, so a statement that reads them is rewritten again at each execution rather than
     * run as prepared at PREPARE time.
     */
    static boolean readsSessionState(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            Token each = tokens.get(i);
            if (each.kind() == Token.Kind.SYSTEM_VARIABLE || each.kind() == Token.Kind.USER_VARIABLE
                    || EngineSql.sessionFunctionValue(tokens, i, null, new Object[1]) > 0) {
                return true;
            }
        }
        return false;
    }

    private Prepared statement(long id, String command) {
        Prepared result = statements.get(id);
        if (result == null) {
            throw MySqlError.ER_UNKNOWN_STMT_HANDLER.exception(Long.toString(id), command);
        }
        return result;
    }

    private void sendLongData(ByteBuf payload) {
        Prepared statement = statements.get(payload.readUnsignedIntLE());
        int parameter = payload.readUnsignedShortLE();
        if (statement == null || parameter >= statement.parameterCount) {
            return;
        }
        byte[] data = new byte[payload.readableBytes()];
        payload.readBytes(data);
        statement.longData.computeIfAbsent(parameter, p -> new ByteArrayOutputStream()).writeBytes(data);
    }

    private void close(long id) {
        dev.doppel.server.session.GeneralLogLines.write(session, "Close stmt", "");
        Prepared statement = statements.remove(id);
        session.writer().begin(0);
        if (statement != null && statement.engine != null) {
            try {
                statement.engine.close();
            } catch (SQLException ignored) {
                // already closed with the connection
            }
        }
    }

    private void execute(ByteBuf payload) {
        Prepared statement = statement(payload.readUnsignedIntLE(), "mysqld_stmt_execute");
        int flags = payload.readUnsignedByte();
        if (flags != 0) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.exception("cursors in prepared statements");
        }
        payload.readUnsignedIntLE();
        Object[] values = readParameters(payload, statement);
        StatementStatistics.Start started = StatementStatistics.start(session);
        boolean failed = true;
        try {
            execute(statement, values);
            failed = false;
        } finally {
            if (statement.digest == null) {
                statement.digest = StatementDigest.of(statement.tokens);
            }
            StatementStatistics.ended(session, () -> GeneralLogLines.withValues(statement.sql, statement.tokens, values),
                    statement.tokens, statement.digest, started, failed);
        }
    }

    private void execute(Prepared statement, Object[] values) {
        GeneralLogLines.execute(session, statement.sql, statement.tokens, values);
        session.server().accountUsage().query(session.account());
        session.commandStarted("Execute", statement.sql);
        session.server().status().questions.increment();
        session.clearWarnings();
        statement.longData.clear();
        Token verb = statement.tokens.isEmpty() ? null : statement.tokens.get(0);
        if (verb != null && (verb.isWord("INSERT") || verb.isWord("REPLACE") || verb.isWord("UPDATE"))) {
            InvalidTextLiterals.check(statement.tokens, session, values);
        }
        prepareAgainAfterDdl(statement);
        if (statement.engine != null && !statement.readsSessionState) {
            if (verb != null && statement.tokens.size() > 1 && statement.tokens.get(1).isWord("DELAYED")) {
                // the engine's statement was spelled without it at PREPARE; each execution warns, as in MySQL
                dev.doppel.server.sql.translate.EngineSql.warnDelayed(session, verb.upper());
            }
            try {
                for (int i = 0; i < values.length; i++) {
                    statement.engine.setObject(i + 1, values[i]);
                }
            } catch (SQLException e) {
                throw EngineErrors.translate(e, statement.sql, session.schema());
            }
            if (statement.quick == null) {
                executor.executePrepared(statement.engine, statement.sql, statement.tokens, statement.labels);
                return;
            }
            long started = System.nanoTime();
            long startedCpu = statement.quick.startCpu();
            try {
                executor.executePrepared(statement.engine, statement.sql, statement.tokens, statement.labels);
            } finally {
                statement.quick.record(started, startedCpu);
            }
            return;
        }
        // translated again for the session's state of now; MySQL parsed it, and warned, at PREPARE
        dev.doppel.server.sql.translate.ParseWarnings.without(
                () -> executor.executeWithParameters(statement.sql, statement.tokens, values));
    }

    private Object[] readParameters(ByteBuf payload, Prepared statement) {
        int count = statement.parameterCount;
        Object[] values = new Object[count];
        if (count == 0) {
            return values;
        }
        byte[] nullBitmap = new byte[(count + 7) / 8];
        payload.readBytes(nullBitmap);
        if (payload.readUnsignedByte() == 1) {
            for (int i = 0; i < count; i++) {
                statement.parameterTypes[i] = payload.readUnsignedShortLE();
            }
        }
        Charset charset = session.clientCharset();
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream longData = statement.longData.get(i);
            if (longData != null) {
                values[i] = isTextType(statement.parameterTypes[i] & 0xFF)
                        ? textOrBytes(longData.toByteArray(), charset) : longData.toByteArray();
                continue;
            }
            if ((nullBitmap[i / 8] & (1 << (i % 8))) != 0) {
                continue;
            }
            values[i] = readValue(payload, statement.parameterTypes[i], charset);
        }
        return values;
    }

    /**
     * A string parameter: its text, or its bytes when they are no text in the client's character set (a BLOB's bytes
     * bound with setString or sent by a driver as a string), so that a binary column stores them byte for byte.
     */
    private static Object textOrBytes(byte[] bytes, Charset charset) {
        if (bytes == null) {
            return null;
        }
        String text = dev.doppel.server.protocol.ClientText.decode(bytes, charset);
        return dev.doppel.server.protocol.ClientText.hasRawBytes(text) ? bytes : text;
    }

    private static boolean isTextType(int type) {
        return type == ColumnType.VAR_STRING || type == ColumnType.STRING || type == ColumnType.VARCHAR
                || type == ColumnType.JSON;
    }

    private static Object readValue(ByteBuf in, int typeAndFlag, Charset charset) {
        int type = typeAndFlag & 0xFF;
        boolean unsigned = (typeAndFlag & 0x8000) != 0;
        return switch (type) {
            case ColumnType.TINY -> unsigned ? (long) in.readUnsignedByte() : (long) in.readByte();
            case ColumnType.SHORT, ColumnType.YEAR -> unsigned ? (long) in.readUnsignedShortLE() : (long) in.readShortLE();
            case ColumnType.LONG, ColumnType.INT24 -> unsigned ? in.readUnsignedIntLE() : (long) in.readIntLE();
            case ColumnType.LONGLONG -> {
                long value = in.readLongLE();
                yield unsigned && value < 0 ? new BigDecimal(new BigInteger(Long.toUnsignedString(value))) : value;
            }
            case ColumnType.FLOAT -> (double) in.readFloatLE();
            case ColumnType.DOUBLE -> in.readDoubleLE();
            case ColumnType.NULL -> null;
            case ColumnType.DATE, ColumnType.DATETIME, ColumnType.TIMESTAMP -> readDateTime(in, type);
            case ColumnType.TIME -> readTime(in);
            case ColumnType.DECIMAL, ColumnType.NEWDECIMAL -> decimal(Wire.readLengthEncodedString(in, charset));
            case ColumnType.TINY_BLOB, ColumnType.MEDIUM_BLOB, ColumnType.LONG_BLOB, ColumnType.BLOB,
                 ColumnType.GEOMETRY, ColumnType.BIT -> Wire.readLengthEncodedBytes(in);
            case ColumnType.VAR_STRING, ColumnType.STRING, ColumnType.VARCHAR, ColumnType.ENUM, ColumnType.SET,
                 ColumnType.JSON -> textOrBytes(Wire.readLengthEncodedBytes(in), charset);
            default -> throw new MalformedPacketException("parameter type " + type);
        };
    }

    /** A DECIMAL parameter is text in the protocol; text that is no number goes on as text, as MySQL takes it. */
    private static Object decimal(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    /**
     * A DATE, DATETIME or TIMESTAMP parameter. The protocol carries the fields as they are, so a zero date or a month
     * 13 may come: such a value goes on as MySQL's text for it, which the statement then takes or rejects as MySQL
     * does with a value it cannot use.
     */
    private static Object readDateTime(ByteBuf in, int type) {
        int length = in.readUnsignedByte();
        if (length == 0) {
            return type == ColumnType.DATE ? LocalDate.of(0, 1, 1) : LocalDateTime.of(0, 1, 1, 0, 0);
        }
        int year = in.readUnsignedShortLE();
        int month = in.readUnsignedByte();
        int day = in.readUnsignedByte();
        int hour = 0;
        int minute = 0;
        int second = 0;
        long micros = 0;
        if (length >= 7) {
            hour = in.readUnsignedByte();
            minute = in.readUnsignedByte();
            second = in.readUnsignedByte();
        }
        if (length >= 11) {
            micros = in.readUnsignedIntLE();
        }
        String date = String.format("%04d-%02d-%02d", year, month, day);
        String time = String.format("%02d:%02d:%02d", hour, minute, second) + (micros == 0 ? "" : "." + micros);
        try {
            if (type == ColumnType.DATE) {
                return LocalDate.of(year, month, day);
            }
            return LocalDateTime.of(year, month, day, hour, minute, second, Math.toIntExact(micros * 1000));
        } catch (DateTimeException | ArithmeticException outOfRange) {
            return type == ColumnType.DATE ? date : date + " " + time;
        }
    }

    private static Object readTime(ByteBuf in) {
        int length = in.readUnsignedByte();
        if (length == 0) {
            return LocalTime.MIDNIGHT;
        }
        boolean negative = in.readUnsignedByte() == 1;
        long days = in.readUnsignedIntLE();
        int hour = in.readUnsignedByte();
        int minute = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long micros = length >= 12 ? in.readUnsignedIntLE() : 0;
        String text = (negative ? "-" : "") + (days * 24 + hour) + ":" + minute + ":" + second
                + (micros > 0 ? "." + micros : "");
        if (negative || days > 0) {
            return text;
        }
        try {
            return LocalTime.of(hour, minute, second, Math.toIntExact(micros * 1000));
        } catch (DateTimeException | ArithmeticException outOfRange) {
            return text;
        }
    }

    /** COM_RESET_CONNECTION and session end: every prepared statement is closed. */
    public void closeAll() {
        for (Prepared each : new ArrayList<>(statements.values())) {
            close(each.id);
        }
    }

    private static int parameterCount(List<Token> tokens) {
        return (int) tokens.stream().filter(t -> t.kind() == Token.Kind.PARAMETER).count();
    }
}
