package dev.doppel.server.sql.lex;

import dev.doppel.plugin.MySqlException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LexerTest {
    private static List<String> texts(String sql) {
        return Lexer.tokenize(sql).stream().map(Token::text).toList();
    }

    @Test
    void assertWordsStringsNumbersAndVariables() {
        List<Token> tokens = Lexer.tokenize("SELECT @@session.sql_mode, @x, 'it''s', \"a\\\"b\", `we ird`, 1.5e3, 0x1F, ?");
        assertThat(tokens).extracting(Token::kind).containsExactly(Token.Kind.WORD, Token.Kind.SYSTEM_VARIABLE,
                Token.Kind.SYMBOL, Token.Kind.USER_VARIABLE, Token.Kind.SYMBOL, Token.Kind.STRING, Token.Kind.SYMBOL,
                Token.Kind.STRING, Token.Kind.SYMBOL, Token.Kind.QUOTED_IDENTIFIER, Token.Kind.SYMBOL, Token.Kind.NUMBER,
                Token.Kind.SYMBOL, Token.Kind.NUMBER, Token.Kind.SYMBOL, Token.Kind.PARAMETER);
        assertThat(tokens.get(1).text()).isEqualTo("session.sql_mode");
        assertThat(tokens.get(5).text()).isEqualTo("it's");
        assertThat(tokens.get(7).text()).isEqualTo("a\"b");
        assertThat(tokens.get(9).text()).isEqualTo("we ird");
    }

    @Test
    void assertQuotedTextWithAndWithoutEscapes() {
        assertThat(texts("'plain', 'a\\nb', 'x''y', 'tail\\\\', '', 'a\\%'")).containsExactly("plain", ",", "a\nb", ",",
                "x'y", ",", "tail\\", ",", "", ",", "a\\%");
        assertThat(texts("`a\\b`, `x``y`")).containsExactly("a\\b", ",", "x`y");
        assertThatThrownBy(() -> Lexer.tokenize("SELECT 'open")).isInstanceOf(MySqlException.class);
        assertThatThrownBy(() -> Lexer.tokenize("SELECT 'open''")).isInstanceOf(MySqlException.class);
    }

    @Test
    void assertCommentsSkipped() {
        assertThat(texts("SELECT 1 -- tail\n, 2 # hash\n, /* block */ 3")).containsExactly("SELECT", "1", ",", "2", ",", "3");
        assertThat(texts("SELECT 1--2")).containsExactly("SELECT", "1", "-", "-", "2");
    }

    @Test
    void assertExecutableCommentsByVersion() {
        assertThat(texts("/*!40101 SET NAMES utf8mb4 */")).containsExactly("SET", "NAMES", "utf8mb4");
        assertThat(texts("SELECT 1 /*!99999 , 2 */")).containsExactly("SELECT", "1");
        assertThat(texts("SELECT /*! STRAIGHT_JOIN */ 1")).containsExactly("SELECT", "STRAIGHT_JOIN", "1");
    }

    @Test
    void assertMultiCharacterOperators() {
        assertThat(texts("a<=>b:=c!=d")).containsExactly("a", "<=>", "b", ":=", "c", "!=", "d");
    }

    @Test
    void assertUnterminatedStringIsSyntaxError() {
        assertThatThrownBy(() -> Lexer.tokenize("SELECT 'abc")).isInstanceOfSatisfying(MySqlException.class, e -> {
            assertThat(e.number()).isEqualTo(1064);
            assertThat(e.getMessage()).endsWith("near '' at line 1");
        });
    }

    @Test
    void assertSyntaxErrorLineNumber() {
        assertThat(Lexer.syntaxError("SELECT\n1\nFROM x y z", 11).getMessage())
                .endsWith("near 'OM x y z' at line 3");
    }
}
