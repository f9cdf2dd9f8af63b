package dev.doppel.server.engine.collation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.h2.value.ValueNull;
import org.h2.value.ValueVarbinary;
import org.h2.value.ValueVarchar;
import org.h2.value.ValueVarcharIgnoreCase;
import org.junit.jupiter.api.Test;

class MySqlLikeTest {
    @Test
    void wildcardsAndEscapes() {
        assertTrue(MySqlLike.matches("abcabd", "%abd", '\\', false));
        assertTrue(MySqlLike.matches("abc", "%", '\\', false));
        assertTrue(MySqlLike.matches("", "%", '\\', false));
        assertFalse(MySqlLike.matches("", "_", '\\', false));
        assertTrue(MySqlLike.matches("a_c", "%\\_%", '\\', false));
        assertFalse(MySqlLike.matches("abc", "%\\_%", '\\', false));
        assertTrue(MySqlLike.matches("100%", "%!%", '!', false));
        assertFalse(MySqlLike.matches("100", "%!%", '!', false));
        assertTrue(MySqlLike.matches("mississippi", "%iss%ipp_", '\\', false));
        assertFalse(MySqlLike.matches("mississippi", "%iss%ipp", '\\', false));
    }

    @Test
    void theValuesCollationDecides() {
        assertEquals(Boolean.TRUE, MySqlLike.like(ValueVarcharIgnoreCase.get("Résumé"), "%SUME", "\\"));
        assertEquals(Boolean.FALSE, MySqlLike.like(ValueVarchar.get("Résumé"), "%SUME", "\\"));
        assertEquals(Boolean.TRUE, MySqlLike.like(ValueVarchar.get("Résumé"), "%sumé", "\\"));
        assertEquals(Boolean.FALSE, MySqlLike.like(ValueVarbinary.get(new byte[] {'a', 'b'}), "%B", "\\"));
        assertEquals(Boolean.TRUE, MySqlLike.like(ValueVarbinary.get(new byte[] {'a', 'b'}), "%b", "\\"));
        assertNull(MySqlLike.like(ValueNull.INSTANCE, "%b", "\\"));
    }
}
