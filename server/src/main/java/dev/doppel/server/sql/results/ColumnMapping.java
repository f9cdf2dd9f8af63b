package dev.doppel.server.sql.results;

import dev.doppel.server.catalog.UnsignedColumns;
import dev.doppel.server.catalog.UnsignedType;
import dev.doppel.server.protocol.ColumnDefinition;
import dev.doppel.server.protocol.ColumnType;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Maps the engine's result metadata to MySQL column definitions (type, flags, length, charset). */
public final class ColumnMapping {
    public static final int UTF8MB4 = 255;
    private static final int BINARY = ColumnDefinition.BINARY_CHARSET;
    /** The engine length of a TEXT column, the shortest of the TEXT types' (sql.translate.CaseInsensitiveText). */
    private static final int TEXT_LENGTH = 65535;

    private ColumnMapping() {
    }

    public static List<ColumnDefinition> columns(ResultSetMetaData meta, List<String> labels) throws SQLException {
        List<ColumnDefinition> result = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String label = labels != null && i <= labels.size() && labels.get(i - 1) != null ? labels.get(i - 1)
                    : meta.getColumnLabel(i);
            result.add(column(meta, i, label));
        }
        return result;
    }

    private static ColumnDefinition column(ResultSetMetaData meta, int index, String label) throws SQLException {
        int jdbcType = meta.getColumnType(index);
        String typeName = meta.getColumnTypeName(index);
        int precision = meta.getPrecision(index);
        int scale = meta.getScale(index);
        int flags = meta.isNullable(index) == ResultSetMetaData.columnNoNulls ? ColumnType.NOT_NULL_FLAG : 0;
        boolean unsigned = !meta.isSigned(index) && isNumeric(jdbcType);
        if (unsigned) {
            flags |= ColumnType.UNSIGNED_FLAG;
        }
        int type;
        int charset = BINARY;
        long length;
        int decimals = 0;
        switch (jdbcType) {
            case Types.TINYINT, Types.BOOLEAN, Types.BIT -> {
                type = ColumnType.TINY;
                length = jdbcType == Types.TINYINT ? 4 : 1;
                flags |= ColumnType.NUM_FLAG;
            }
            case Types.SMALLINT -> {
                type = ColumnType.SHORT;
                length = 6;
                flags |= ColumnType.NUM_FLAG;
            }
            case Types.INTEGER -> {
                type = ColumnType.LONG;
                length = 11;
                flags |= ColumnType.NUM_FLAG;
            }
            case Types.BIGINT -> {
                type = ColumnType.LONGLONG;
                length = 20;
                flags |= ColumnType.NUM_FLAG;
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                type = ColumnType.NEWDECIMAL;
                decimals = Math.max(0, Math.min(scale, 30));
                length = Math.min(precision, 65) + (decimals > 0 ? 1 : 0) + (unsigned ? 0 : 1);
                flags |= ColumnType.NUM_FLAG;
            }
            case Types.REAL, Types.FLOAT -> {
                type = ColumnType.FLOAT;
                length = 12;
                decimals = 31;
                flags |= ColumnType.NUM_FLAG;
            }
            case Types.DOUBLE -> {
                type = ColumnType.DOUBLE;
                length = 22;
                decimals = 31;
                flags |= ColumnType.NUM_FLAG;
            }
            case Types.DATE -> {
                type = ColumnType.DATE;
                length = 10;
            }
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> {
                type = ColumnType.TIME;
                decimals = Math.max(0, scale);
                length = 10 + (decimals > 0 ? decimals + 1 : 0);
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                type = ColumnType.DATETIME;
                decimals = Math.max(0, Math.min(scale, 6));
                length = 19 + (decimals > 0 ? decimals + 1 : 0);
            }
            case Types.BINARY, Types.VARBINARY -> {
                type = ColumnType.VAR_STRING;
                length = Math.max(precision, 0);
                flags |= ColumnType.BINARY_FLAG;
            }
            case Types.BLOB, Types.LONGVARBINARY -> {
                type = ColumnType.BLOB;
                length = 65535;
                flags |= ColumnType.BLOB_FLAG | ColumnType.BINARY_FLAG;
            }
            case Types.CLOB, Types.LONGVARCHAR, Types.NCLOB -> {
                type = ColumnType.BLOB;
                charset = UTF8MB4;
                length = 65535L * 4;
                flags |= ColumnType.BLOB_FLAG;
            }
            case Types.NULL -> {
                type = ColumnType.NULL;
                length = 0;
            }
            case Types.CHAR, Types.NCHAR -> {
                type = ColumnType.STRING;
                charset = UTF8MB4;
                length = (long) Math.max(precision, 0) * 4;
            }
            default -> {
                if ("JSON".equalsIgnoreCase(typeName)) {
                    type = ColumnType.JSON;
                    // MySQL sends a JSON column with the binary charset, a computed JSON value with utf8mb4
                    String table = meta.getTableName(index);
                    charset = table == null || table.isEmpty() ? UTF8MB4 : BINARY;
                    length = 0xFFFFFFFFL;
                    flags |= ColumnType.BLOB_FLAG | ColumnType.BINARY_FLAG;
                } else if (precision >= TEXT_LENGTH && "VARCHAR_IGNORECASE".equalsIgnoreCase(typeName)) {
                    // a TEXT column, which the server keeps as the engine's VARCHAR_IGNORECASE of a length no VARCHAR has
                    type = ColumnType.BLOB;
                    charset = UTF8MB4;
                    length = Math.min(precision * 4L, 0xFFFFFFFFL);
                    flags |= ColumnType.BLOB_FLAG;
                } else {
                    type = ColumnType.VAR_STRING;
                    charset = UTF8MB4;
                    length = (long) Math.min(Math.max(precision, 0), 65535) * 4;
                    if ("ENUM".equalsIgnoreCase(typeName)) {
                        type = ColumnType.STRING;
                        flags |= ColumnType.ENUM_FLAG;
                    }
                }
            }
        }
        String table = meta.getTableName(index);
        String schema = meta.getSchemaName(index);
        String orgName = meta.getColumnName(index);
        UnsignedType unsignedType = mayBeUnsigned(jdbcType) ? UnsignedColumns.current().type(schema, table, orgName)
                : null;
        if (unsignedType != null) {
            type = protocolType(unsignedType);
            length = unsignedType.displayLength();
            decimals = 0;
            flags |= ColumnType.UNSIGNED_FLAG | ColumnType.NUM_FLAG;
        }
        return new ColumnDefinition(schema == null ? "" : schema, table == null ? "" : table,
                table == null ? "" : table, label, table == null || table.isEmpty() ? "" : orgName, charset, length, type,
                flags, decimals);
    }

    /** The engine types the domains of {@link UnsignedType} are made of. */
    private static boolean mayBeUnsigned(int jdbcType) {
        return jdbcType == Types.SMALLINT || jdbcType == Types.INTEGER || jdbcType == Types.BIGINT
                || jdbcType == Types.NUMERIC;
    }

    private static int protocolType(UnsignedType type) {
        return switch (type) {
            case TINYINT -> ColumnType.TINY;
            case SMALLINT -> ColumnType.SHORT;
            case MEDIUMINT -> ColumnType.INT24;
            case INT -> ColumnType.LONG;
            case BIGINT -> ColumnType.LONGLONG;
        };
    }

    private static boolean isNumeric(int jdbcType) {
        return switch (jdbcType) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.DECIMAL, Types.NUMERIC,
                 Types.REAL, Types.FLOAT, Types.DOUBLE -> true;
            default -> false;
        };
    }
}
