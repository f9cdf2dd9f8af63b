package dev.doppel.server.sql.ddl;

import dev.doppel.server.catalog.CreateTableText;
import dev.doppel.server.catalog.MySqlTypes;
import dev.doppel.server.sql.lex.Token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * ALTER TABLE's table options, as MySQL takes them: COMMENT and AUTO_INCREMENT change the table (the engine's comment
 * on it, and where its AUTO_INCREMENT column's counter goes on: never below the largest value plus one, as InnoDB
 * does); the character set and collation, ROW_FORMAT, FORCE, ORDER BY and InnoDB's storage options change nothing
 * here (the engine keeps all text as Unicode, and has one row format). Before, each was 1064 or 1054.
 */
final class AlterTableOptions {
    /** The first words of the ALTER TABLE changes that are table options (ENGINE is read before, by TableDdl). */
    static final Set<String> FIRST_WORDS = Set.of("DEFAULT", "CHARACTER", "CHARSET", "COLLATE", "COMMENT",
            "AUTO_INCREMENT", "ROW_FORMAT", "FORCE", "ORDER", "KEY_BLOCK_SIZE", "STATS_AUTO_RECALC", "STATS_PERSISTENT",
            "STATS_SAMPLE_PAGES", "CHECKSUM", "PACK_KEYS", "AVG_ROW_LENGTH", "MAX_ROWS", "MIN_ROWS", "DELAY_KEY_WRITE",
            "INSERT_METHOD", "COMPRESSION", "ENCRYPTION", "TABLESPACE", "STORAGE", "AUTOEXTEND_SIZE",
            "ENGINE_ATTRIBUTE", "SECONDARY_ENGINE", "SECONDARY_ENGINE_ATTRIBUTE", "CONNECTION", "PASSWORD", "UNION",
            "DATA", "INDEX", "START", "WITH", "WITHOUT", "DISCARD", "IMPORT");

    /** An engine statement to run, and the one that undoes it. */
    record Step(String run, String undo) {
    }

    private AlterTableOptions() {
    }

    /** Whether tokens {@code from} to {@code to} hold only ALGORITHM and LOCK options (and FORCE), or nothing. */
    static boolean onlyAlgorithmOrLock(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (token.isWord("ALGORITHM") || token.isWord("LOCK")) {
                i += tokens.get(i + 1).isSymbol("=") ? 2 : 1;
            } else if (!token.isSymbol(",") && !token.isWord("FORCE")) {
                return false;
            }
        }
        return true;
    }

    /** The engine statements of the table options in {@code change}; none for those that change nothing here. */
    static List<Step> steps(List<Token> change, Connection connection, String schema, String table)
            throws SQLException {
        List<Step> steps = new ArrayList<>();
        String qualified = CreateTableText.quote(schema) + "." + CreateTableText.quote(table);
        for (int i = 0; i < change.size(); i++) {
            Token token = change.get(i);
            int value = i + 1 < change.size() && change.get(i + 1).isSymbol("=") ? i + 2 : i + 1;
            if (value >= change.size() || token.kind() != Token.Kind.WORD) {
                continue;
            }
            if (token.isWord("COMMENT") && change.get(value).kind() == Token.Kind.STRING) {
                String old = comment(connection, schema, table);
                steps.add(new Step("COMMENT ON TABLE " + qualified + " IS " + MySqlTypes.quote(change.get(value).text()),
                        "COMMENT ON TABLE " + qualified + " IS " + (old == null ? "NULL" : MySqlTypes.quote(old))));
                i = value;
            } else if (token.isWord("AUTO_INCREMENT") && change.get(value).kind() == Token.Kind.NUMBER) {
                Step step = counter(connection, schema, table, qualified, Long.parseLong(change.get(value).text()));
                if (step != null) {
                    steps.add(step);
                }
                i = value;
            }
        }
        return steps;
    }

    private static String comment(Connection connection, String schema, String table) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT REMARKS FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE LOWER(TABLE_SCHEMA) = ? AND LOWER(TABLE_NAME) = ?")) {
            select.setString(1, schema.toLowerCase(Locale.ROOT));
            select.setString(2, table.toLowerCase(Locale.ROOT));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** AUTO_INCREMENT = n: the counter restarts at n, or past the largest value when that is larger; null without one. */
    private static Step counter(Connection connection, String schema, String table, String qualified, long wanted)
            throws SQLException {
        String column = null;
        long next = 1;
        try (PreparedStatement select = connection.prepareStatement("SELECT COLUMN_NAME, IDENTITY_BASE FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE LOWER(TABLE_SCHEMA) = ? AND LOWER(TABLE_NAME) = ?"
                + " AND IS_IDENTITY = 'YES'")) {
            select.setString(1, schema.toLowerCase(Locale.ROOT));
            select.setString(2, table.toLowerCase(Locale.ROOT));
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    column = rows.getString(1);
                    next = rows.getLong(2);
                }
            }
        }
        if (column == null) {
            return null;
        }
        String quotedColumn = CreateTableText.quote(column);
        long largest = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT MAX(" + quotedColumn + ") FROM "
                + qualified);
             ResultSet rows = select.executeQuery()) {
            if (rows.next()) {
                largest = rows.getLong(1);
            }
        }
        long restart = Math.max(Math.max(wanted, 1), largest + 1);
        String alter = "ALTER TABLE " + qualified + " ALTER COLUMN " + quotedColumn + " RESTART WITH ";
        return new Step(alter + restart, alter + next);
    }
}
