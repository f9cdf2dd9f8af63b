package dev.doppel.server.config.variables;

import dev.doppel.server.config.Charsets;
import dev.doppel.server.config.MySqlCharset;
import dev.doppel.server.config.MySqlCollation;

import java.util.Map;
import java.util.function.Function;

/**
 * The pairs MySQL keeps in step: character_set_connection/collation_connection, and likewise for
 * _server and _database. Setting the character set picks its default collation (for utf8mb4, the
 * value of default_collation_for_utf8mb4); setting the collation sets its character set.
 */
public final class CharsetLinks {
    private static final Map<String, String> COLLATION_OF = Map.of(
            "character_set_connection", "collation_connection",
            "character_set_server", "collation_server",
            "character_set_database", "collation_database");
    private static final Map<String, String> CHARSET_OF = Map.of(
            "collation_connection", "character_set_connection",
            "collation_server", "character_set_server",
            "collation_database", "character_set_database");

    private CharsetLinks() {
    }

    /**
     * The other variable of the pair and its new value, or null when {@code name} is not in a pair.
     *
     * @param current reads the current value of a variable in the same scope
     */
    static Map.Entry<String, Object> linked(String name, Object value, Function<String, Object> current) {
        if (value == null) {
            return null;
        }
        String collationVariable = COLLATION_OF.get(name);
        if (collationVariable != null) {
            return Map.entry(collationVariable, defaultCollation((String) value, current));
        }
        String charsetVariable = CHARSET_OF.get(name);
        if (charsetVariable != null) {
            MySqlCollation collation = Charsets.collation((String) value).orElseThrow();
            return Map.entry(charsetVariable, collation.charsetName());
        }
        return null;
    }

    public static String defaultCollation(String charsetName, Function<String, Object> current) {
        MySqlCharset charset = Charsets.charset(charsetName).orElseThrow();
        if (charset.name().equals("utf8mb4")) {
            Object configured = current.apply("default_collation_for_utf8mb4");
            if (configured != null) {
                return (String) configured;
            }
        }
        return charset.defaultCollation();
    }
}
