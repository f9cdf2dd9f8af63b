package dev.doppel.server.sql.lex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CompoundStatementsTest {

    private static List<String> split(String text) {
        return Lexer.splitStatements(Lexer.tokenize(text)).stream()
                .map(statement -> SqlText.slice(text, statement).sql()).toList();
    }

    @Test
    void aProgramBodyKeepsItsSemicolons() {
        String procedure = "CREATE PROCEDURE p() BEGIN DECLARE i INT DEFAULT 0; WHILE i < 3 DO SET i = i + 1;"
                + " END WHILE; IF i = 3 THEN SELECT CASE i WHEN 3 THEN 'x' END; END IF; lbl: LOOP LEAVE lbl;"
                + " END LOOP lbl; REPEAT SET i = i - 1; UNTIL i = 0 END REPEAT; END";
        assertThat(split(procedure + "; SELECT 1")).containsExactly(procedure, "SELECT 1");
    }

    @Test
    void ifAndRepeatAsFunctionsOpenNothing() {
        String function = "CREATE FUNCTION f(x INT) RETURNS INT BEGIN DECLARE s VARCHAR(9) DEFAULT REPEAT('a', 3);"
                + " RETURN IF(x > 0, 1, 2); END";
        assertThat(split(function + ";SELECT 2")).containsExactly(function, "SELECT 2");
    }

    @Test
    void otherStatementsSplitAtEverySemicolon() {
        assertThat(split("BEGIN; SELECT CASE WHEN 1 THEN 2 END; COMMIT")).containsExactly("BEGIN",
                "SELECT CASE WHEN 1 THEN 2 END", "COMMIT");
        assertThat(split("CREATE PROCEDURE p() SELECT 1; CALL p()")).containsExactly("CREATE PROCEDURE p() SELECT 1",
                "CALL p()");
    }

    @Test
    void aMarkerOutsideAPreparedStatementIsASyntaxError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Lexer.requireNoMarkers("SELECT ? + 1",
                Lexer.tokenize("SELECT ? + 1"))).hasMessage("You have an error in your SQL syntax; check the manual"
                + " that corresponds to your MySQL server version for the right syntax to use near '? + 1' at line 1");
        Lexer.requireNoMarkers("SELECT '?'", Lexer.tokenize("SELECT '?'"));
    }
}
