package dev.doppel.server.sql.program.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProgramParserTest {

    private static ProgramStatement parse(String body) {
        List<Token> tokens = Lexer.tokenize(body);
        return ProgramParser.body(body, tokens, 0, tokens.size());
    }

    private static void assertError(String body, int number, String message) {
        assertThatThrownBy(() -> parse(body)).isInstanceOfSatisfying(MySqlException.class, e -> {
            assertThat(e.number()).isEqualTo(number);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void aBlockHasItsDeclarationsInOrderThenItsStatements() {
        ProgramStatement.Block block = (ProgramStatement.Block) parse("outer: BEGIN"
                + " DECLARE a, b INT DEFAULT 1; DECLARE late CONDITION FOR SQLSTATE '45000';"
                + " DECLARE c CURSOR FOR SELECT 1; DECLARE EXIT HANDLER FOR late, 1062, NOT FOUND SET a = 2;"
                + " SELECT x INTO a FROM t; SET a = a + 1, @u = a; CALL p(a); END outer");
        assertThat(block.label()).isEqualTo("outer");
        assertThat(block.variables().get(0).names()).containsExactly("a", "b");
        assertThat(block.variables().get(0).type().kind()).isEqualTo(DeclaredType.Kind.INTEGER);
        assertThat(block.conditions().get(0).value().sqlState()).isEqualTo("45000");
        assertThat(block.cursors().get(0).select().sql()).isEqualTo("SELECT 1");
        assertThat(block.handlers().get(0).exit()).isTrue();
        assertThat(block.handlers().get(0).conditions()).hasSize(3);
        ProgramStatement.SelectInto into = (ProgramStatement.SelectInto) block.body().get(0);
        assertThat(into.query().sql()).isEqualTo("SELECT x FROM t");
        assertThat(into.targets()).containsExactly("a");
        ProgramStatement.Set set = (ProgramStatement.Set) block.body().get(1);
        assertThat(set.assignments()).extracting(ProgramStatement.Assignment::local).containsExactly("a", null);
        assertThat(block.body().get(2)).isInstanceOf(ProgramStatement.Sql.class);
    }

    @Test
    void flowControlNests() {
        ProgramStatement.Block block = (ProgramStatement.Block) parse("BEGIN l: WHILE i < 3 DO"
                + " IF i = 1 THEN ITERATE l; ELSEIF i = 2 THEN LEAVE l; ELSE SET i = CASE WHEN i > 0 THEN 1 END; END IF;"
                + " END WHILE l; CASE i WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE; END");
        ProgramStatement.Loop loop = (ProgramStatement.Loop) block.body().get(0);
        assertThat(loop.before().sql()).isEqualTo("i < 3");
        ProgramStatement.If branches = (ProgramStatement.If) loop.body().get(0);
        assertThat(branches.branches()).hasSize(2);
        assertThat(branches.otherwise()).hasSize(1);
        assertThat(block.body().get(1)).isInstanceOf(ProgramStatement.SimpleCase.class);
    }

    @Test
    void mysqlsErrorsForWhatItRefuses() {
        assertError("BEGIN LEAVE nowhere; END", 1308, "LEAVE with no matching label: nowhere");
        assertError("a: BEGIN b: LOOP ITERATE a; END LOOP; END", 1308, "ITERATE with no matching label: a");
        assertError("a: BEGIN a: LOOP LEAVE a; END LOOP; END", 1309, "Redefining label a");
        assertError("a: BEGIN END b", 1310, "End-label b without match");
        assertError("BEGIN DECLARE x INT; DECLARE x INT; END", 1331, "Duplicate variable: x");
        assertError("BEGIN DECLARE c CURSOR FOR SELECT 1; DECLARE x INT; END", 1337,
                "Variable or condition declaration after cursor or handler declaration");
        assertError("BEGIN DECLARE CONTINUE HANDLER FOR 1 BEGIN END; DECLARE c CURSOR FOR SELECT 1; END", 1338,
                "Cursor declaration after handler declaration");
        assertError("BEGIN DECLARE c CURSOR FOR UPDATE t SET a = 1; END", 1322, "Cursor statement must be a SELECT");
        assertError("BEGIN DECLARE CONTINUE HANDLER FOR SQLSTATE '00000' BEGIN END; END", 1407, "Bad SQLSTATE: '00000'");
        assertError("BEGIN DECLARE EXIT HANDLER FOR 1062, 1062 BEGIN END; END", 1413,
                "Duplicate handler declared in the same block");
        assertError("BEGIN CREATE PROCEDURE q() SELECT 1; END", 1303, "Can't create a PROCEDURE from within another"
                + " stored routine");
        assertError("BEGIN LOCK TABLES t READ; END", 1314, "LOCK TABLES is not allowed in stored procedures");
        assertThatThrownBy(() -> parse("BEGIN IF x THEN SELECT 1; END")).isInstanceOfSatisfying(MySqlException.class,
                e -> assertThat(e.number()).isEqualTo(1064));
    }
}
