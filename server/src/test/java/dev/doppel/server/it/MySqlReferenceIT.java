package dev.doppel.server.it;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The connect checks of {@link ConnectorJIT} against a real MySQL 8.4, to keep Doppel's expectations honest.
 * Needs Docker; without a Docker engine the class is skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class MySqlReferenceIT {
    @Container
    static final MySQLContainer<?> MYSQL = new MySQLContainer<>("mysql:8.4").withUsername("app").withPassword("s3cret");

    private static String url(String options) {
        return "jdbc:mysql://" + MYSQL.getHost() + ":" + MYSQL.getMappedPort(3306) + "/" + options;
    }

    @Test
    void assertDefaultUrlWithCachingSha2() throws Exception {
        try (Connection connection = DriverManager.getConnection(url(""), "app", "s3cret");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT CURRENT_USER(), @@version")) {
            rows.next();
            assertThat(rows.getString(1)).isEqualTo("app@%");
            assertThat(rows.getString(2)).startsWith("8.4.");
        }
    }

    @Test
    void assertErrorTextsDoppelReproduces() throws Exception {
        assertThatThrownBy(() -> DriverManager.getConnection(url(""), "app", "nope").close())
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getErrorCode()).isEqualTo(1045);
                    assertThat(e.getSQLState()).isEqualTo("28000");
                    assertThat(e.getMessage()).matches("Access denied for user 'app'@'[^']+' \\(using password: YES\\)");
                });
        assertThatThrownBy(() -> DriverManager.getConnection(url("nowhere"), "root", "s3cret").close())
                .isInstanceOfSatisfying(SQLException.class, e ->
                        assertThat(e.getMessage()).isIn("Unknown database 'nowhere'",
                                "Access denied for user 'root'@'%' to database 'nowhere'"));
        try (Connection connection = DriverManager.getConnection(url(""), "app", "s3cret");
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SET @@nonexistent_variable = 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1193);
                        assertThat(e.getMessage()).isEqualTo("Unknown system variable 'nonexistent_variable'");
                    });
            assertThatThrownBy(() -> statement.execute("SET autocommit = 'maybe'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1231);
                        assertThat(e.getMessage()).isEqualTo("Variable 'autocommit' can't be set to the value of 'maybe'");
                    });
            assertThatThrownBy(() -> statement.execute("SELEC 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getErrorCode()).isEqualTo(1064);
                        assertThat(e.getMessage()).isEqualTo("You have an error in your SQL syntax; check the manual"
                                + " that corresponds to your MySQL server version for the right syntax to use near"
                                + " 'SELEC 1' at line 1");
                    });
        }
    }
}
