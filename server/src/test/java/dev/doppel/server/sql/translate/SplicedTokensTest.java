package dev.doppel.server.sql.translate;

import dev.doppel.server.sql.access.ViewDefinitions;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.SqlText;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The translation's steps pass tokens on instead of lexing again: the tokens they splice are the lexer's own. */
class SplicedTokensTest {
    private static final List<String> REWRITTEN = List.of(
            "UPDATE t SET n = n + 1 WHERE k > 2 ORDER BY k DESC LIMIT 3",
            "DELETE FROM t ORDER BY id LIMIT 1",
            "INSERT INTO t (k, n) VALUES ('a', 1) AS r (kk, nn) ON DUPLICATE KEY UPDATE n = r.nn + t.n",
            "SELECT CAST(x AS SIGNED), CONVERT(y, UNSIGNED INTEGER), CAST(z AS CHAR CHARACTER SET utf8mb4) FROM t",
            "SELECT CONVERT('abc' USING utf8mb4) FROM t WHERE a = 1 FOR SHARE",
            "SELECT v FROM t WHERE id = 1 LOCK IN SHARE MODE",
            "SELECT name FROM t WHERE name COLLATE utf8mb4_bin = 'A' ORDER BY name COLLATE 'utf8mb4_bin'",
            "SELECT a + 1 AS b FROM t HAVING b > 2 ORDER BY b",
            "SELECT a + 1 AS b FROM t WHERE a < 9 HAVING b > 2",
            "SELECT SQL_CALC_FOUND_ROWS * FROM t LIMIT 2",
            "ALTER ALGORITHM=MERGE VIEW v AS SELECT 1");

    @Test
    void everyRewriteLeavesTheTokensTheLexerWouldMake() throws IOException, URISyntaxException {
        List<String> statements = new ArrayList<>(REWRITTEN);
        Path conformance = Path.of(getClass().getResource("/conformance").toURI());
        try (Stream<Path> files = Files.list(conformance)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.strip();
                    if (trimmed.endsWith(";") && !trimmed.startsWith("--") && !trimmed.startsWith("->")) {
                        statements.add(trimmed.substring(0, trimmed.length() - 1));
                    }
                }
            }
        }
        int rewritten = 0;
        for (String sql : statements) {
            SqlText statement = SqlText.of(sql);
            if (statement.tokens().isEmpty()) {
                continue;
            }
            SqlText result = EnginePipeline.mysqlForms(statement);
            SqlText withoutModifier = FoundRows.withoutModifier(result);
            SqlText view = ViewDefinitions.alterAsCreate(statement);
            for (SqlText each : new SqlText[] {result, withoutModifier, view}) {
                if (each != null && each != statement) {
                    rewritten++;
                    assertThat(each.tokens()).as(sql).isEqualTo(Lexer.tokenize(each.sql()));
                }
            }
        }
        assertThat(rewritten).isGreaterThanOrEqualTo(REWRITTEN.size());
    }
}
