package dev.doppel.server.it.tools;

import dev.doppel.server.it.DoppelProcess;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ORM and a migration tool as applications run them, unchanged: Hibernate 7 builds its schema, persists, queries
 * and updates with optimistic locking (its startup reads DatabaseMetaData.getSQLKeywords, information_schema.KEYWORDS,
 * which failed with 1109 before); Flyway 13 migrates, reports and cleans a schema (its clean() names columns with
 * strings, `AS 'N'`, which failed with 1064 before).
 */
class OrmAndMigrationsIT {
    @TempDir
    static Path home;
    static DoppelProcess server;

    @BeforeAll
    static void start() throws Exception {
        server = DoppelProcess.start(home);
        try (Connection root = DriverManager.getConnection(url(""), "root", ""); Statement statement = root.createStatement()) {
            statement.execute("CREATE DATABASE orm");
            statement.execute("CREATE DATABASE migrated");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + server.port() + "/" + database + "?sslMode=DISABLED&allowPublicKeyRetrieval=true";
    }

    @Entity(name = "Invoice")
    @Table(name = "invoices")
    public static class Invoice {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;
        String customer;
        BigDecimal amount;
        LocalDateTime issued;
        boolean paid;
        @Version
        int version;
    }

    @Test
    void hibernateBuildsItsSchemaAndKeepsItsEntities() {
        Configuration configuration = new Configuration().addAnnotatedClass(Invoice.class)
                .setProperty("hibernate.connection.url", url("orm"))
                .setProperty("hibernate.connection.username", "root")
                .setProperty("hibernate.connection.password", "")
                .setProperty("hibernate.hbm2ddl.auto", "create-drop");
        try (SessionFactory factory = configuration.buildSessionFactory()) {
            Long id = factory.fromTransaction(session -> {
                Invoice invoice = new Invoice();
                invoice.customer = "Ann";
                invoice.amount = new BigDecimal("19.99");
                invoice.issued = LocalDateTime.of(2026, 12, 7, 10, 30);
                session.persist(invoice);
                return invoice.id;
            });
            assertThat(id).isPositive();
            factory.inTransaction(session -> session.find(Invoice.class, id).paid = true);
            List<Invoice> paid = factory.fromSession(session -> session
                    .createSelectionQuery("from Invoice where paid = true and amount > :min order by issued", Invoice.class)
                    .setParameter("min", new BigDecimal("10")).getResultList());
            assertThat(paid).singleElement().satisfies(each -> {
                assertThat(each.customer).isEqualTo("Ann");
                assertThat(each.amount).isEqualByComparingTo("19.99");
                assertThat(each.version).isEqualTo(1);
            });
        }
    }

    @Test
    void flywayMigratesReportsAndCleans() throws Exception {
        Flyway flyway = Flyway.configure().dataSource(url("migrated"), "root", "").locations("classpath:flyway/shop")
                .cleanDisabled(false).load();
        MigrateResult result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isEqualTo(2);
        assertThat(flyway.info().current().getVersion().getVersion()).isEqualTo("2");
        try (Connection connection = DriverManager.getConnection(url("migrated"), "root", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name, total FROM customer_totals ORDER BY id")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("Ann");
        }
        flyway.clean();
        try (Connection connection = DriverManager.getConnection(url("migrated"), "root", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW FULL TABLES")) {
            assertThat(rows.next()).as("clean() left nothing").isFalse();
        }
        assertThat(flyway.migrate().migrationsExecuted).as("and migrates again").isEqualTo(2);
    }
}
