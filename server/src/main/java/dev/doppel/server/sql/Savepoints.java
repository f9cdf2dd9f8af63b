package dev.doppel.server.sql;

import java.util.List;

/** ROLLBACK [WORK] TO [SAVEPOINT] name: MySQL's SAVEPOINT keyword is optional, the engine's is not. */
final class Savepoints {
    private Savepoints() {
    }

    static void rollbackTo(String sql, List<Token> tokens, QueryExecutor executor, int moreFlag) {
        int index = 2;
        if (index < tokens.size() && tokens.get(index).isWord("SAVEPOINT")) {
            index++;
        }
        if (index != tokens.size() - 1 || !tokens.get(index).isIdentifier()) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        String engineSql = "ROLLBACK TO SAVEPOINT `" + tokens.get(index).text().replace("`", "``") + "`";
        executor.engine(engineSql, Lexer.tokenize(engineSql), moreFlag);
    }
}
