package dev.doppel.server.engine;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The engine's users: the second wall between a client and the engine (docs/security.md). Whatever a client statement
 * makes the engine do, it does as {@link #CLIENT}, which has no administrator rights.
 */
final class EngineUsers {
    /** Created with the database; owns it, and is used only by the server's own code. */
    static final String ADMINISTRATOR = "doppel";
    /** The sessions' engine user: schemas and their objects and rows, nothing of the engine itself. */
    static final String CLIENT = "doppel_client";

    private EngineUsers() {
    }

    /**
     * Makes sure {@link #CLIENT} exists with its rights, gives it a new random password, and returns the credentials
     * for {@link StorageEngine#connect()}. The password lives in this process only: nothing outside it can log in
     * as the client user, and the administrator's own connection is only ever opened by the server's code.
     */
    static Properties renewClient(Connection administrator) throws SQLException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        try (Statement statement = administrator.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS " + CLIENT + " PASSWORD ''");
            // ALTER ANY SCHEMA: MySQL's DDL creates and drops databases, tables, indexes and views in every schema,
            // and this right is the engine's least that allows it. It grants no administrator right.
            statement.execute("GRANT ALTER ANY SCHEMA TO " + CLIENT);
        }
        try (PreparedStatement statement = administrator.prepareStatement("ALTER USER " + CLIENT + " SET PASSWORD ?")) {
            statement.setString(1, password);
            statement.execute();
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", CLIENT);
        credentials.setProperty("password", password);
        return credentials;
    }
}
