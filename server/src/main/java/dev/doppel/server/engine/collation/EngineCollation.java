package dev.doppel.server.engine.collation;

import java.sql.SQLException;
import java.text.Collator;
import java.util.Locale;

/**
 * The collation a new database is created with. The engine has one collation per database and takes it from the
 * JDK's {@link Collator}; {@link MySqlCollatorProvider} hands it {@link MySqlCollator}, which compares the engine's
 * VARCHAR_IGNORECASE (MySQL's default collation, utf8mb4_0900_ai_ci) without case or accents and its VARCHAR and
 * CHAR by code point. The engine fixes a database's collation before its first table, so databases created before
 * keep the engine's default (VARCHAR_IGNORECASE ignores case only).
 */
public final class EngineCollation {
    /** The locale the provider serves: the collation's name in the engine is its upper-case form. */
    public static final Locale LOCALE = Locale.of("mysql");
    /** The JDK reads the locale service providers from this property once, at the first use of one. */
    public static final String PROVIDERS_PROPERTY = "java.locale.providers";
    public static final String PROVIDERS = "SPI,CLDR";
    /** The first statement of a new database; tertiary strength is the code point order, see MySqlCollator. */
    public static final String SET_STATEMENT = "SET COLLATION MYSQL STRENGTH TERTIARY";

    private EngineCollation() {
    }

    /** Asks the JDK to consult the server's providers, if nothing has asked for a locale service yet. */
    public static void installProviders() {
        if (System.getProperty(PROVIDERS_PROPERTY) == null) {
            System.setProperty(PROVIDERS_PROPERTY, PROVIDERS);
        }
    }

    /**
     * Fails when the JDK does not hand out the server's collator: the engine would take the JDK's own collator of
     * that locale instead and order the indexes of a database created with the server's otherwise.
     */
    public static void requireProvider() throws SQLException {
        if (!(Collator.getInstance(LOCALE) instanceof MySqlCollator)) {
            throw new SQLException("the JVM does not use the server's collation: start it with -D"
                    + PROVIDERS_PROPERTY + "=" + PROVIDERS + " (the JVM has " + PROVIDERS_PROPERTY + "="
                    + System.getProperty(PROVIDERS_PROPERTY) + ")");
        }
    }
}
