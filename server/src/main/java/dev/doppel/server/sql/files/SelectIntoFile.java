package dev.doppel.server.sql.files;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.results.TextValues;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Set;

/**
 * {@code SELECT ... INTO OUTFILE 'f' [export options]} and {@code INTO DUMPFILE 'f'}: the query runs without the
 * clause and its rows go to a new file on the server, in MySQL's format (tab-separated, {@code \N} for NULL,
 * backslash escapes, unless the options say otherwise). The FILE privilege and secure_file_priv decide whether and
 * where ({@link SecureFiles}); an existing file is never overwritten (1086).
 */
public final class SelectIntoFile {
    private static final Set<Integer> STRING_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.CLOB,
            Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR, Types.NCLOB, Types.BINARY, Types.VARBINARY,
            Types.LONGVARBINARY, Types.BLOB, Types.OTHER);

    final String file;
    final boolean dump;
    /** The statement without its INTO clause. */
    private String query;
    private final ExportOptions options = new ExportOptions();
    private byte[] fieldsTerminated;
    private byte[] enclosed;
    private byte[] escaped;
    private byte[] linesStarting;
    private byte[] linesTerminated;

    private SelectIntoFile(String file, boolean dump) {
        this.file = file;
        this.dump = dump;
    }

    /** The statement without its INTO clause. */
    String query() {
        return query;
    }

    /** The INTO OUTFILE or INTO DUMPFILE clause of a query, or null when it has none. */
    public static SelectIntoFile of(String sql, List<Token> tokens) {
        int depth = 0;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("INTO")
                    && (tokens.get(i + 1).isWord("OUTFILE") || tokens.get(i + 1).isWord("DUMPFILE"))) {
                if (tokens.get(i + 2).kind() != Token.Kind.STRING) {
                    throw Lexer.syntaxError(sql, tokens.get(i + 2).start());
                }
                boolean dump = tokens.get(i + 1).isWord("DUMPFILE");
                SelectIntoFile result = new SelectIntoFile(tokens.get(i + 2).text(), dump);
                int end = dump ? i + 3 : result.options.read(sql, tokens, i + 3);
                result.fieldsTerminated = bytes(result.options.fieldsTerminated);
                result.enclosed = bytes(result.options.enclosed);
                result.escaped = bytes(result.options.escaped);
                result.linesStarting = bytes(result.options.linesStarting);
                result.linesTerminated = bytes(result.options.linesTerminated);
                result.query = sql.substring(0, token.start()) + " "
                        + (end < tokens.size() ? sql.substring(tokens.get(end).start()) : "");
                return result;
            }
        }
        return null;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the rows to {@code path}, which must not exist; returns how many were written. */
    long write(ResultSet rows, Path path) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int columns = meta.getColumnCount();
        long count = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(create(path), StandardOpenOption.WRITE))) {
            while (rows.next()) {
                if (dump && count > 0) {
                    throw MySqlError.ER_TOO_MANY_ROWS.exception();
                }
                if (!dump) {
                    out.write(linesStarting);
                }
                for (int column = 1; column <= columns; column++) {
                    byte[] value = text(rows, column, meta.getColumnType(column));
                    if (dump) {
                        out.write(value == null ? new byte[0] : value);
                        continue;
                    }
                    if (column > 1) {
                        out.write(fieldsTerminated);
                    }
                    field(out, value, !options.optionally || STRING_TYPES.contains(meta.getColumnType(column)));
                }
                if (!dump) {
                    out.write(linesTerminated);
                }
                count++;
            }
        } catch (IOException e) {
            throw MySqlError.ER_ERROR_ON_WRITE.exception(path.toString(), 5, e.getMessage());
        }
        return count;
    }

    /** Creates the file, readable by its owner's group and no one else; 1086 when it exists. */
    private static Path create(Path path) {
        try {
            return Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        } catch (FileAlreadyExistsException e) {
            throw MySqlError.ER_FILE_EXISTS_ERROR.exception(path.toString());
        } catch (IOException | UnsupportedOperationException e) {
            throw MySqlError.ER_CANT_CREATE_FILE.exception(path.toString(), 2, String.valueOf(e.getMessage()));
        }
    }

    /** One field as MySQL writes it: \N for NULL, the escape before what would end or enclose it, \0 for NUL. */
    private void field(OutputStream out, byte[] value, boolean enclose) throws IOException {
        if (value == null) {
            if (escaped.length == 0) {
                out.write("NULL".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.write(escaped[0]);
                out.write('N');
            }
            return;
        }
        boolean enclosing = enclose && enclosed.length > 0;
        if (enclosing) {
            out.write(enclosed[0]);
        }
        for (byte each : value) {
            if (escaped.length > 0 && (each == escaped[0] || enclosing && each == enclosed[0]
                    || !enclosing && fieldsTerminated.length > 0 && each == fieldsTerminated[0]
                    || !enclosing && linesTerminated.length > 0 && each == linesTerminated[0])) {
                out.write(escaped[0]);
            } else if (escaped.length > 0 && each == 0) {
                out.write(escaped[0]);
                out.write('0');
                continue;
            }
            out.write(each);
        }
        if (enclosing) {
            out.write(enclosed[0]);
        }
    }

    /** A column's value as the text protocol sends it, or null. */
    private static byte[] text(ResultSet rows, int column, int type) throws SQLException {
        ByteBuf buffer = Unpooled.buffer();
        try {
            TextValues.write(buffer, rows, column, type);
            return dev.doppel.server.protocol.Wire.readLengthEncodedBytes(buffer);
        } finally {
            buffer.release();
        }
    }
}
