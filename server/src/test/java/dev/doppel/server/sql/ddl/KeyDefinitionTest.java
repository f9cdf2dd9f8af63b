package dev.doppel.server.sql.ddl;

import dev.doppel.server.catalog.KeyNames;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.TextEdits;
import dev.doppel.server.sql.lex.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeyDefinitionTest {
    /** The element rewritten with the engine's names for table {@code t}, or null when it is no index. */
    private static String engineText(String element) {
        String sql = "CREATE TABLE t (" + element + ")";
        List<Token> tokens = Lexer.tokenize(sql);
        List<Token> only = ColumnDeclarations.elements(tokens, 3).get(0);
        KeyDefinition key = KeyDefinition.of(only);
        if (key == null || !key.isIndex()) {
            return null;
        }
        TextEdits edits = new TextEdits();
        key.name("t", key.name() == null ? "made" : key.name(), edits);
        return edits.apply(sql, only.get(0).start(), only.get(only.size() - 1).end());
    }

    @Test
    void namedIndexesGetTheTablePrefix() {
        assertThat(engineText("KEY idx_qty (qty)")).isEqualTo("KEY `t.idx_qty` (qty)");
        assertThat(engineText("INDEX `Idx` (qty)")).isEqualTo("INDEX `t.Idx` (qty)");
        assertThat(engineText("UNIQUE KEY uk (code)")).isEqualTo("UNIQUE KEY `t.uk` (code)");
        assertThat(engineText("CONSTRAINT c UNIQUE (code)")).isEqualTo("CONSTRAINT `t.c` UNIQUE (code)");
        assertThat(engineText("CONSTRAINT pk PRIMARY KEY (id)")).isEqualTo("CONSTRAINT `t.PRIMARY` PRIMARY KEY (id)");
    }

    @Test
    void anUnnamedIndexGetsTheNameGiven() {
        assertThat(engineText("UNIQUE (code)")).isEqualTo("UNIQUE `t.made` (code)");
        assertThat(engineText("KEY (qty)")).isEqualTo("KEY `t.made` (qty)");
    }

    @Test
    void columnsForeignKeysAndChecksAreNoIndexes() {
        assertThat(engineText("id INT")).isNull();
        assertThat(engineText("`key` INT")).isNull();
        assertThat(engineText("CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id)")).isNull();
        assertThat(engineText("CONSTRAINT ck CHECK (id > 0)")).isNull();
    }

    @Test
    void theMySqlNameIsTheEngineNameWithoutThePrefix() {
        assertThat(KeyNames.mysqlName("t", "t.idx")).isEqualTo("idx");
        assertThat(KeyNames.mysqlName("T", "t.idx")).isEqualTo("idx");
        assertThat(KeyNames.mysqlName("u", "t.idx")).isEqualTo("t.idx");
        assertThat(KeyNames.mysqlName("t", "idx_from_an_older_build")).isEqualTo("idx_from_an_older_build");
    }
}
