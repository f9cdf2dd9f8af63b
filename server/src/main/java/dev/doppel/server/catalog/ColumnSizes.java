package dev.doppel.server.catalog;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The size columns of information_schema.COLUMNS for a MySQL column type, as MySQL 8.4 fills them. */
record ColumnSizes(Long characters, Long octets, Long precision, Long scale, Long datetimePrecision) {
    private static final Pattern ARGS = Pattern.compile("\\((\\d+)(?:,(\\d+))?\\)");

    static ColumnSizes of(String columnType) {
        String base = MySqlTypes.dataType(columnType);
        Matcher args = ARGS.matcher(columnType);
        Long first = null;
        Long second = null;
        if (args.find()) {
            first = Long.parseLong(args.group(1));
            second = args.group(2) == null ? null : Long.parseLong(args.group(2));
        }
        boolean unsigned = columnType.contains("unsigned");
        return switch (base) {
            case "char", "varchar" -> new ColumnSizes(first, first * 4, null, null, null);
            case "binary", "varbinary" -> new ColumnSizes(first, first, null, null, null);
            case "tinytext", "tinyblob" -> new ColumnSizes(255L, 255L, null, null, null);
            case "text", "blob" -> new ColumnSizes(65535L, 65535L, null, null, null);
            case "mediumtext", "mediumblob" -> new ColumnSizes(16777215L, 16777215L, null, null, null);
            case "longtext", "longblob" -> new ColumnSizes(4294967295L, 4294967295L, null, null, null);
            case "enum", "set" -> {
                long longest = 0;
                for (String each : columnType.substring(columnType.indexOf('(') + 1, columnType.lastIndexOf(')'))
                        .split("','")) {
                    longest = Math.max(longest, each.replace("'", "").length());
                }
                yield new ColumnSizes(longest, longest * 4, null, null, null);
            }
            case "tinyint" -> new ColumnSizes(null, null, 3L, 0L, null);
            case "smallint" -> new ColumnSizes(null, null, 5L, 0L, null);
            case "mediumint" -> new ColumnSizes(null, null, unsigned ? 8L : 7L, 0L, null);
            case "int" -> new ColumnSizes(null, null, 10L, 0L, null);
            case "bigint" -> new ColumnSizes(null, null, unsigned ? 20L : 19L, 0L, null);
            case "decimal" -> new ColumnSizes(null, null, first, second == null ? 0L : second, null);
            case "float" -> new ColumnSizes(null, null, 12L, second, null);
            case "double" -> new ColumnSizes(null, null, 22L, second, null);
            case "bit" -> new ColumnSizes(null, null, first, null, null);
            case "datetime", "timestamp", "time" -> new ColumnSizes(null, null, null, null, first == null ? 0L : first);
            default -> new ColumnSizes(null, null, null, null, null);
        };
    }
}
