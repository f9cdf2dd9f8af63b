package dev.doppel.server.engine;

/** The engine's process-wide settings, which it reads from system properties once, before it opens a database. */
final class EngineProperties {
    /**
     * The classes the engine may load by name (functions, triggers, table engines, serializers). The engine allows
     * every class unless told otherwise; a statement that named one would run its static initializer at least.
     */
    static final String ALLOWED_CLASSES = "dev.doppel.server.engine.*,dev.doppel.server.catalog.*";

    /**
     * Transactions open at once. The engine's default is 255, so 255 idle clients with autocommit off made every
     * other session fail; this is max_connections' upper bound with room for the server's own connections.
     */
    static final int MAX_OPEN_TRANSACTIONS = 100_000 + 100;

    private EngineProperties() {
    }

    static void apply() {
        System.setProperty("h2.allowedClasses", ALLOWED_CLASSES);
        // MySQL has no Java objects, and turning a client's bytes into one is the classic way from data to code
        System.setProperty("h2.javaObjectSerializer", RefusedJavaObjects.class.getName());
        System.setProperty("h2.maxOpenTransactions", Integer.toString(MAX_OPEN_TRANSACTIONS));
        // the engine's cache of collation keys is one lock for every string comparison; the collator needs none
        System.setProperty("h2.collatorCacheSize", "0");
        dev.doppel.server.engine.collation.EngineCollation.installProviders();
        // also where the engine keeps it, in case its classes were loaded before (tests that open H2 directly)
        org.h2.util.JdbcUtils.serializer = new RefusedJavaObjects();
    }
}
