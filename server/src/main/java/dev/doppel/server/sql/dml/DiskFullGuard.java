package dev.doppel.server.sql.dml;

import dev.doppel.server.session.Session;
import dev.doppel.server.sql.lex.QualifiedName;
import dev.doppel.server.sql.lex.Token;

import java.util.List;
import java.util.Set;

/**
 * Refuses a statement that changes data when the engine's disk is nearly full (StorageEngine#requireSpaceForWrites):
 * 1114 "The table 't' is full" for DML, 1021 "Disk full" for the rest. Reads go on. The statement is then marked as a
 * write, so that it stops with the same error when the disk fills while it runs (session.DiskFullWatch).
 */
public final class DiskFullGuard {
    private static final Set<String> DML = Set.of("INSERT", "REPLACE", "UPDATE", "DELETE", "LOAD");
    private static final Set<String> OTHER_WRITES = Set.of("CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE", "GRANT",
            "REVOKE", "INSTALL", "UNINSTALL");
    private static final Set<String> SKIPPED = Set.of("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "INTO",
            "FROM", "QUICK");

    private DiskFullGuard() {
    }

    /** For INSERT, REPLACE, UPDATE, DELETE and LOAD DATA, after their privileges are checked. */
    public static void checkDml(List<Token> tokens, Session session) {
        if (tokens.isEmpty()) {
            return;
        }
        Token first = tokens.get(0);
        if (first.kind() == Token.Kind.WORD && DML.contains(first.upper())) {
            session.server().engine().requireSpaceForWrites(() -> table(tokens));
            session.writes(() -> table(tokens));
        }
    }

    /** For DDL, account and plugin statements. */
    public static void checkOtherWrites(List<Token> tokens, Session session) {
        if (tokens.isEmpty()) {
            return;
        }
        Token first = tokens.get(0);
        if (first.kind() == Token.Kind.WORD && (OTHER_WRITES.contains(first.upper())
                || first.isWord("SET") && tokens.size() > 1 && tokens.get(1).isWord("PASSWORD"))) {
            session.server().engine().requireSpaceForWrites(() -> null);
            session.writes(() -> null);
        }
    }

    /** The table a DML statement names first, as MySQL names it in 1114, or null. */
    private static String table(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.WORD && SKIPPED.contains(token.upper())) {
                continue;
            }
            if (!token.isIdentifier()) {
                return null;
            }
            return QualifiedName.at(tokens, i).name();
        }
        return null;
    }
}
