package dev.doppel.server.sql.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.doppel.plugin.MySqlException;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.SqlText;
import dev.doppel.server.sql.lex.Token;
import dev.doppel.server.sql.parse.StatementParser;
import dev.doppel.server.sql.translate.EnginePipeline;

import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of the SQL front end, in process: any text is lexed, parsed with MySQL's grammar
 * and translated, or refused with MySQL's error. Any other exception is a finding: in the server it would be a 1105
 * "Internal error" where MySQL says 1064 (the first run found one: {@code (SELECT((K(O.} ended in a
 * NullPointerException). The test command fuzzes for the time below; {@code scripts/fuzz-sql.sh} for longer. Findings
 * are kept under src/test/resources/.../SqlFrontEndFuzzTestInputs and replayed by every run.
 */
public class SqlFrontEndFuzzTest {
    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({"SELECT ", " FROM ", " WHERE ", " GROUP BY ", " HAVING ", " ORDER BY ", " LIMIT ", " UNION ",
        "WITH ", "RECURSIVE ", " AS ", "(", ")", ",", ".", "'", "`", "\"", " JOIN ", " ON ", " USING ", "INSERT INTO ",
        " VALUES ", "UPDATE ", " SET ", "DELETE ", "REPLACE ", " ON DUPLICATE KEY UPDATE ", "CREATE TABLE ",
        "ALTER TABLE ", " ADD ", " DROP ", " MODIFY ", " CHANGE ", " COLUMN ", " INDEX ", " KEY ", " PRIMARY KEY ",
        " UNIQUE ", " FOREIGN KEY ", " REFERENCES ", " CHECK ", " CONSTRAINT ", " DEFAULT ", " NOT NULL ",
        " AUTO_INCREMENT ", " INT", " VARCHAR(10)", " DECIMAL(5,2)", " ENUM('a')", " CHARACTER SET ", " COLLATE ",
        "CREATE VIEW ", "CREATE INDEX ", "TRUNCATE ", "RENAME TABLE ", " TO ", " GROUP_CONCAT(", " SEPARATOR ",
        " DISTINCT ", " OVER (", " PARTITION BY ", " CASE ", " WHEN ", " THEN ", " END", " INTERVAL ", " CAST(",
        " JSON_TABLE(", " COLUMNS (", " PATH ", " LATERAL ", " EXISTS ", " IN (", " BETWEEN ", " LIKE ", " IS NULL",
        "@@", "@", "?", "0x", "X'", "_utf8mb4'", " COUNT(*)", " ENGINE=InnoDB", " GENERATED ALWAYS AS ("})
    void everyTextIsParsedOrRefusedWithMySqlsError(FuzzedDataProvider data) {
        fuzzerTestOneInput(data);
    }

    /** The same target for Jazzer's own driver, which scripts/fuzz-sql.sh runs for as long as it is asked. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        String sql = data.consumeRemainingAsString();
        List<Token> tokens;
        try {
            tokens = Lexer.tokenize(sql);
        } catch (MySqlException refused) {
            return;
        }
        if (tokens.isEmpty()) {
            return;
        }
        try {
            if (StatementParser.parses(tokens)) {
                StatementParser.parse(sql, tokens);
                SqlText statement = EnginePipeline.mysqlForms(new SqlText(sql, tokens));
                if (tokens.stream().noneMatch(each -> each.kind() == Token.Kind.SYSTEM_VARIABLE
                        || each.kind() == Token.Kind.USER_VARIABLE)) {
                    EnginePipeline.spelling(statement, null); // variables are read from the session
                }
            } else {
                StatementParser.parseTableStatement(sql, tokens);
            }
        } catch (MySqlException refused) {
            // MySQL's answer to a text that is not MySQL
        } catch (StackOverflowError deep) {
            // nesting past the stack: the server answers 1436, as MySQL does (CommandFailuresIT)
        }
    }
}
