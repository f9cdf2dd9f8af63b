package dev.doppel.server.sql.lex;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactionTest {
    @Test
    void passwordsBecomeSecrets() {
        assertThat(SecretRedaction.redact("CREATE USER 'u'@'%' IDENTIFIED BY 'pw', v IDENTIFIED WITH caching_sha2_password BY \"x\""))
                .isEqualTo("CREATE USER 'u'@'%' IDENTIFIED BY <secret>, v IDENTIFIED WITH caching_sha2_password BY <secret>");
        assertThat(SecretRedaction.redact("alter user current_user() identified by 'new' replace 'old'"))
                .isEqualTo("alter user current_user() identified by <secret> replace <secret>");
        assertThat(SecretRedaction.redact("SET PASSWORD FOR 'u'@'h' = 'pw'")).isEqualTo("SET PASSWORD FOR 'u'@'h' = <secret>");
        assertThat(SecretRedaction.redact("CLONE INSTANCE FROM 'donor'@'h':3306 IDENTIFIED BY 'pw' DATA DIRECTORY = '/d'"))
                .isEqualTo("CLONE INSTANCE FROM 'donor'@'h':3306 IDENTIFIED BY <secret> DATA DIRECTORY = '/d'");
        assertThat(SecretRedaction.redact("CHANGE REPLICATION SOURCE TO SOURCE_USER = 'r', SOURCE_PASSWORD = 'pw'"))
                .isEqualTo("CHANGE REPLICATION SOURCE TO SOURCE_USER = 'r', SOURCE_PASSWORD = <secret>");
    }

    @Test
    void otherTextStaysAsItIs() {
        String query = "SELECT password, 'identified by' FROM accounts WHERE name = 'pw' ORDER BY 1";
        assertThat(SecretRedaction.redact(query)).isEqualTo(query);
        assertThat(SecretRedaction.redact("SELECT 1")).isEqualTo("SELECT 1");
        assertThat(SecretRedaction.redact(null)).isNull();
        // a text the lexer cannot read is cut before the password
        assertThat(SecretRedaction.redact("CREATE USER u IDENTIFIED BY 'unterminated")).isEqualTo("CREATE USER u <secret>");
    }
}
