package dev.doppel.server.conformance;

import java.util.List;

/** What one statement returned: an OK, a result set (values as text, SQL NULL as null) or an error. */
sealed interface Outcome {
    record Ok(long affectedRows, long insertId) implements Outcome {
    }

    record Rows(List<List<String>> rows) implements Outcome {
    }

    record Error(int number, String sqlState, String message) implements Outcome {
    }
}
