package dev.doppel.server.engine;

import dev.doppel.plugin.MySqlError;

/** The engine function behind cte_max_recursion_depth (see the SQL side, sql.RecursionDepth). */
public final class MySqlRecursion {
    private MySqlRecursion() {
    }

    /**
     * True while a row of iteration {@code depth} of a recursive CTE may produce rows of the next iteration; MySQL's
     * 3636 once that iteration would go past cte_max_recursion_depth.
     */
    public static boolean cteDepth(long depth) {
        long max = StatementEffects.cteMaxRecursionDepth();
        if (depth >= max) {
            throw MySqlError.ER_CTE_MAX_RECURSION_DEPTH.exception(max + 1);
        }
        return true;
    }
}
