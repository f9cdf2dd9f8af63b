package dev.doppel.server.it.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the stored-program tests ask of a statement: its rows as text, or MySQL's error. */
final class ProgramsSql {
    private ProgramsSql() {
    }

    /** Each row as its values joined by '|' (NULL as null). */
    static List<String> rows(Statement statement, String sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.append(i == 1 ? "" : "|").append(rows.getString(i));
                }
                result.add(row.toString());
            }
        }
        return result;
    }

    static void assertError(Statement statement, String sql, int number, String sqlState, String message) {
        assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getErrorCode()).as(e.getMessage()).isEqualTo(number);
            assertThat(e.getSQLState()).isEqualTo(sqlState);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
