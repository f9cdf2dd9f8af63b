package dev.doppel.server.sql.parse;

import java.util.List;

/**
 * What the first wall needs to know of a query or data-change statement, read from its parse: every table it names,
 * with what it does to each, every function it calls, wherever they appear, and the names that may be one table twice.
 */
public record ParsedStatement(List<TableUse> tables, List<FunctionCall> calls, List<SameName> sameNames) {
    /**
     * A table named once as {@code table} and once as {@code database.table} in one query block: the same table, and
     * so MySQL's 1066, when {@code database} is the session's (which the parse does not know).
     */
    public record SameName(String database, String table) {
    }

    /** A table the statement names (not a CTE's name): {@code database} is null when the name is not qualified. */
    public record TableUse(String database, String table, String alias, Use use, int token) {
    }

    /** What a statement does to a table it names. */
    public enum Use {
        READ, INSERT, REPLACE, UPSERT, UPDATE, DELETE,
        /** A table of a multi-table UPDATE's list: written when an assignment names it, read otherwise. */
        UPDATE_LIST
    }

    /** A function call; {@code qualifier} is the database of {@code db.f(...)}, null otherwise. */
    public record FunctionCall(String qualifier, String name, int token) {
    }
}
