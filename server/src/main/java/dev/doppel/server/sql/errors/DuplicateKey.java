package dev.doppel.server.sql.errors;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.catalog.KeyNames;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's 1062 {@code Duplicate entry 'v1-v2' for key 'table.key'} from the engine's unique violation, which names
 * the index, the table, the key columns and either the key values (unique index) or the whole row (primary key).
 */
public final class DuplicateKey {
    /** An identifier in the engine's message: plain, or quoted with doubled quotes inside the quoted message. */
    private static final String NAME = "(?:\"\"(?:[^\"]|\"\"\"\")*\"\"|[^\".( ]+)";
    private static final Pattern VIOLATION = Pattern.compile("\"" + NAME + "\\.(?<name>" + NAME + ") (?:(?<primary>PRIMARY KEY) |INDEX "
            + NAME + "\\.(?<index>" + NAME + ") )?ON (?<schema>" + NAME + ")\\.(?<table>" + NAME + ")\\((?<columns>[^)]*)\\) (?:VALUES )?"
            + "\\( /\\*[^*]*\\*/ (?<values>.*)\\)\"");
    /** Names the engine makes up for unnamed constraints; MySQL names such a key after its first column. */
    private static final Pattern GENERATED_NAME = Pattern.compile("CONSTRAINT_[0-9A-F]+", Pattern.CASE_INSENSITIVE);

    /** The engine's index of a primary key; a key of several columns is named this way, not as a PRIMARY KEY. */
    private static final Pattern PRIMARY_KEY_INDEX = Pattern.compile("PRIMARY_KEY_[0-9A-F]*", Pattern.CASE_INSENSITIVE);

    private static final Pattern ENGINE_INDEX_SUFFIX = Pattern.compile("_INDEX_[0-9A-F]+$");

    private DuplicateKey() {
    }

    /** The MySQL error for the engine's message, or null when the message has an unknown form. */
    static MySqlException of(String message, Connection connection) {
        Matcher matcher = VIOLATION.matcher(message);
        if (!matcher.find()) {
            return null;
        }
        List<String> columns = new ArrayList<>();
        for (String each : matcher.group("columns").split(",")) {
            columns.add(each.strip().split(" ")[0]);
        }
        List<String> values = literals(matcher.group("values").strip());
        String table = unquote(matcher.group("table"));
        List<String> keyValues;
        String key;
        if (matcher.group("primary") != null) {
            key = "PRIMARY";
            keyValues = primaryKeyValues(values, columns, unquote(matcher.group("schema")), table, connection);
        } else if (PRIMARY_KEY_INDEX.matcher(unquote(matcher.group("index") != null ? matcher.group("index")
                : matcher.group("name"))).matches()) {
            key = "PRIMARY";
            keyValues = values.subList(0, Math.min(columns.size(), values.size()));
        } else {
            String engineName = unquote(matcher.group("name"));
            String name = KeyNames.mysqlName(table, engineName);
            if (!name.equals(engineName)) {
                // while a UNIQUE constraint is added, the engine names its index <constraint>_INDEX_<n>
                name = ENGINE_INDEX_SUFFIX.matcher(name).replaceFirst("");
            }
            key = GENERATED_NAME.matcher(name).matches() ? columns.get(0) : name;
            keyValues = values.subList(0, Math.min(columns.size(), values.size()));
        }
        return MySqlError.ER_DUP_ENTRY.exception(String.join("-", keyValues), table + "." + key);
    }

    private static String unquote(String name) {
        return name.startsWith("\"\"") && name.endsWith("\"\"") && name.length() >= 4
                ? name.substring(2, name.length() - 2).replace("\"\"\"\"", "\"") : name;
    }

    /** The row is given in table order: the key columns' values are picked by their positions in the table. */
    private static List<String> primaryKeyValues(List<String> row, List<String> keyColumns, String schema,
                                                 String table, Connection connection) {
        List<String> tableColumns = new ArrayList<>();
        if (connection != null) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT COLUMN_NAME FROM"
                    + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
                statement.setString(1, schema);
                statement.setString(2, table);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        tableColumns.add(rows.getString(1).toLowerCase(Locale.ROOT));
                    }
                }
            } catch (SQLException e) {
                tableColumns.clear();
            }
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < keyColumns.size(); i++) {
            int position = tableColumns.indexOf(keyColumns.get(i).toLowerCase(Locale.ROOT));
            int index = position >= 0 ? position : i;
            result.add(index < row.size() ? row.get(index) : "");
        }
        return result;
    }

    /** The engine's SQL literals {@code 1, 'it''s', TIMESTAMP '2024-01-01 00:00:00', NULL} as MySQL prints values. */
    static List<String> literals(String text) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean sawQuote = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    current.append('\'');
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '\'') {
                // a typed literal (TIMESTAMP '...', DATE '...'): only the quoted text is the value
                current.setLength(0);
                quoted = true;
                sawQuote = true;
            } else if (c == ',') {
                result.add(sawQuote ? current.toString() : current.toString().strip());
                current.setLength(0);
                sawQuote = false;
                while (i + 1 < text.length() && text.charAt(i + 1) == ' ') {
                    i++;
                }
            } else if (!sawQuote) {
                current.append(c);
            }
        }
        result.add(sawQuote ? current.toString() : current.toString().strip());
        return result;
    }
}
