package dev.doppel.server.sql.translate.grouping;

import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroupedSelectTest {
    private static String text(List<Token> tokens, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(i > from ? " " : "").append(tokens.get(i).text());
        }
        return out.toString();
    }

    @Test
    void readsTheClausesOfATopLevelSelect() {
        List<Token> tokens = Lexer.tokenize("SELECT DISTINCT a AS x, COUNT(*) n, (SELECT 1 FROM u GROUP BY v) FROM t"
                + " WHERE b = 1 GROUP BY a, c DESC WITH ROLLUP HAVING n > 1 ORDER BY x, 2 DESC LIMIT 3");
        GroupedSelect query = GroupedSelect.of(tokens);
        assertThat(query).isNotNull();
        assertThat(query.items()).extracting(GroupedSelect.Item::alias).containsExactly("x", "n", null);
        assertThat(text(tokens, query.items().get(1).start(), query.items().get(1).end())).isEqualTo("COUNT ( * )");
        assertThat(query.groupItems()).extracting(item -> text(tokens, item[0], item[1])).containsExactly("a", "c");
        assertThat(text(tokens, query.having() + 1, query.havingEnd())).isEqualTo("n > 1");
        assertThat(query.orderItems()).extracting(item -> text(tokens, item[0], item[1])).containsExactly("x", "2");
        assertThat(text(tokens, query.where() + 1, query.whereEnd())).isEqualTo("b = 1");
    }

    @Test
    void setOperationsAndSelectsWithoutFromAreNotRead() {
        assertThat(GroupedSelect.of(Lexer.tokenize("SELECT a FROM t UNION SELECT b FROM u"))).isNull();
        assertThat(GroupedSelect.of(Lexer.tokenize("SELECT COUNT(1)"))).isNull();
        assertThat(GroupedSelect.of(Lexer.tokenize("UPDATE t SET a = 1"))).isNull();
    }

    @Test
    void columnUsesSkipAggregatesSubqueriesAndWindows() {
        List<Token> tokens = Lexer.tokenize("SELECT a + SUM(b) + (SELECT c FROM u) + ROW_NUMBER() OVER (ORDER BY d)"
                + " + t.e + CAST(f AS CHAR) + COUNT(DISTINCT g) FILTER (WHERE h > 0) FROM t");
        int from = tokens.size() - 2;
        assertThat(ColumnUses.outsideAggregates(tokens, 1, from)).extracting(use -> text(tokens, use[0], use[1]))
                .containsExactly("a", "t . e", "f");
        assertThat(ColumnUses.callsAggregate(tokens, 1, from)).isTrue();
        List<Token> window = Lexer.tokenize("SELECT SUM(a) OVER () FROM t");
        assertThat(ColumnUses.callsAggregate(window, 1, window.size() - 2)).isFalse();
    }
}
