package dev.doppel.server.sql.lex;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QualifiedNameTest {
    @Test
    void aQualifiedNameTakesThreeTokens() {
        List<Token> tokens = Lexer.tokenize("INSERT INTO `shop`.orders (id) VALUES (1)");
        QualifiedName name = QualifiedName.at(tokens, 2);
        assertThat(name).isEqualTo(new QualifiedName("shop", "orders", 5));
        assertThat(name.qualifierOr("other")).isEqualTo("shop");
    }

    @Test
    void aPlainNameHasNoQualifier() {
        List<Token> tokens = Lexer.tokenize("SHOW CREATE TABLE orders");
        QualifiedName name = QualifiedName.at(tokens, 3);
        assertThat(name).isEqualTo(new QualifiedName(null, "orders", 4));
        assertThat(name.qualifierOr("shop")).isEqualTo("shop");
    }

    @Test
    void aDotWithoutANameAfterItIsNotAQualifier() {
        List<Token> tokens = Lexer.tokenize("UPDATE t . 5");
        assertThat(QualifiedName.at(tokens, 1)).isEqualTo(new QualifiedName(null, "t", 2));
    }
}
