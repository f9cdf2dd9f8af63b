package dev.doppel.server.sql.owned;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.session.Session;
import dev.doppel.server.sql.QueryExecutor;
import dev.doppel.server.sql.lex.Lexer;
import dev.doppel.server.sql.lex.Token;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SAVEPOINT, ROLLBACK [WORK] TO [SAVEPOINT] name and RELEASE SAVEPOINT name. The engine has no RELEASE, so the
 * savepoints of the open transaction are kept here, in the order they were set: RELEASE removes the named one
 * and those set after it (as InnoDB does), ROLLBACK TO removes those set after it, and the transaction's end
 * removes all of them.
 */
public final class Savepoints {
    private final Session session;
    private final QueryExecutor executor;
    private final List<String> names = new ArrayList<>();

    public Savepoints(Session session, QueryExecutor executor) {
        this.session = session;
        this.executor = executor;
    }

    public void set(String sql, List<Token> tokens, int moreFlag) {
        String name = name(sql, tokens, 1);
        executor.engine(engineSql("SAVEPOINT", name), Lexer.tokenize(engineSql("SAVEPOINT", name)), moreFlag);
        forget(name);
        if (inTransaction()) {
            names.add(name);
        }
    }

    public void rollbackTo(String sql, List<Token> tokens, int moreFlag) {
        int index = 2;
        if (index < tokens.size() && tokens.get(index).isWord("SAVEPOINT")) {
            index++;
        }
        String name = name(sql, tokens, index);
        if (!inTransaction()) {
            names.clear();
        }
        int at = indexOf(name);
        if (at < 0) {
            throw MySqlError.ER_SP_DOES_NOT_EXIST.exception("SAVEPOINT", name);
        }
        String engineSql = engineSql("ROLLBACK TO SAVEPOINT", name);
        executor.engine(engineSql, Lexer.tokenize(engineSql), moreFlag);
        names.subList(at + 1, names.size()).clear();
    }

    public void release(String sql, List<Token> tokens, int moreFlag) {
        if (tokens.size() < 2 || !tokens.get(1).isWord("SAVEPOINT")) {
            throw Lexer.syntaxError(sql, tokens.size() > 1 ? tokens.get(1).start() : sql.length());
        }
        String name = name(sql, tokens, 2);
        if (!inTransaction()) {
            names.clear();
        }
        int at = indexOf(name);
        if (at < 0) {
            throw MySqlError.ER_SP_DOES_NOT_EXIST.exception("SAVEPOINT", name);
        }
        names.subList(at, names.size()).clear();
        executor.ok(0, moreFlag);
    }

    /** The transaction ended (COMMIT, ROLLBACK, an implicit commit): its savepoints are gone. */
    public void clear() {
        names.clear();
    }

    /** Outside a transaction a savepoint ends with its statement. */
    private boolean inTransaction() {
        try {
            return !session.engineConnection().getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    private static String name(String sql, List<Token> tokens, int index) {
        if (index != tokens.size() - 1 || !tokens.get(index).isIdentifier()) {
            throw Lexer.syntaxError(sql, index < tokens.size() ? tokens.get(index).start() : sql.length());
        }
        return tokens.get(index).text();
    }

    /** Savepoint names compare case-insensitively in MySQL. */
    private int indexOf(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private void forget(String name) {
        int at = indexOf(name);
        if (at >= 0) {
            names.remove(at);
        }
    }

    private static String engineSql(String verb, String name) {
        return verb + " `" + name.replace("`", "``") + "`";
    }
}
