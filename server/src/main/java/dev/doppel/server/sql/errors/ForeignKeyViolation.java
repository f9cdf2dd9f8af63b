package dev.doppel.server.sql.errors;

import dev.doppel.plugin.MySqlError;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.EngineCatalog;
import dev.doppel.server.catalog.TableInfo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's 1452 (a child row without its parent) and 1451 (a parent row still referenced) from the engine's
 * referential integrity errors, which name the constraint and the child table:
 * {@code "fk: db.child FOREIGN KEY(pid) REFERENCES db.parent(id) (5)"}. The key is described from the catalog,
 * as InnoDB does: {@code `db`.`child`, CONSTRAINT `fk` FOREIGN KEY (`pid`) REFERENCES `parent` (`id`)}.
 */
public final class ForeignKeyViolation {
    private static final String NAME = "(?:\"\"(?:[^\"]|\"\"\"\")*\"\"|[^\".: (]+)";
    private static final Pattern VIOLATION = Pattern.compile("\"(?<constraint>" + NAME + "): (?<schema>" + NAME
            + ")\\.(?<table>" + NAME + ") FOREIGN KEY");

    private ForeignKeyViolation() {
    }

    /** The MySQL error, or null when the message has an unknown form or the key is not found. */
    static MySqlException of(SQLException e, boolean childMissing, Connection connection) {
        Matcher matcher = VIOLATION.matcher(e.getMessage());
        if (!matcher.find() || connection == null) {
            return null;
        }
        String schema = unquote(matcher.group("schema"));
        String table = unquote(matcher.group("table"));
        String constraint = unquote(matcher.group("constraint"));
        try {
            List<TableInfo> tables = EngineCatalog.tables(connection, schema, table);
            for (TableInfo child : tables) {
                for (TableInfo.ForeignKey key : child.foreignKeys()) {
                    if (key.engineName().equalsIgnoreCase(constraint)) {
                        String text = describe(child, key);
                        return childMissing ? MySqlError.ER_NO_REFERENCED_ROW_2.exception(text)
                                : MySqlError.ER_ROW_IS_REFERENCED_2.exception(text);
                    }
                }
            }
        } catch (SQLException unreadable) {
            return null;
        }
        return null;
    }

    private static String describe(TableInfo child, TableInfo.ForeignKey key) {
        StringBuilder out = new StringBuilder(CreateTableText.quote(child.schema())).append('.')
                .append(CreateTableText.quote(child.name())).append(", CONSTRAINT ")
                .append(CreateTableText.quote(key.name())).append(" FOREIGN KEY ").append(columns(key.columns()))
                .append(" REFERENCES ");
        if (!key.referencedSchema().equalsIgnoreCase(child.schema())) {
            out.append(CreateTableText.quote(key.referencedSchema())).append('.');
        }
        out.append(CreateTableText.quote(key.referencedTable())).append(' ').append(columns(key.referencedColumns()));
        if (key.onDelete() != null) {
            out.append(" ON DELETE ").append(key.onDelete());
        }
        if (key.onUpdate() != null) {
            out.append(" ON UPDATE ").append(key.onUpdate());
        }
        return out.toString();
    }

    private static String columns(List<String> columns) {
        return "(" + String.join(", ", columns.stream().map(CreateTableText::quote).toList()) + ")";
    }

    private static String unquote(String name) {
        return name.startsWith("\"\"") && name.endsWith("\"\"") && name.length() >= 4
                ? name.substring(2, name.length() - 2).replace("\"\"\"\"", "\"") : name;
    }
}
