package dev.doppel.server.sql.dml;

import dev.doppel.server.sql.lex.Lexer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultiTableDmlTest {
    private static boolean matches(String sql) {
        return MultiTableDml.matches(Lexer.tokenize(sql));
    }

    @Test
    void multiTableForms() {
        assertTrue(matches("UPDATE a JOIN b ON a.id = b.id SET a.x = b.y WHERE b.z = 1"));
        assertTrue(matches("UPDATE LOW_PRIORITY a LEFT JOIN b USING (id) SET a.x = 1"));
        assertTrue(matches("UPDATE a, b SET a.x = 1, b.y = 2 WHERE a.id = b.id"));
        assertTrue(matches("DELETE a FROM a JOIN b ON a.id = b.id"));
        assertTrue(matches("DELETE a.*, b FROM a, b WHERE a.id = b.id"));
        assertTrue(matches("DELETE FROM a USING a JOIN b ON a.id = b.id"));
    }

    @Test
    void singleTableFormsStayWithTheEngine() {
        assertFalse(matches("UPDATE a SET x = 1 WHERE id IN (SELECT id FROM b JOIN c USING (id))"));
        assertFalse(matches("UPDATE a SET x = 1, y = 2"));
        assertFalse(matches("DELETE FROM a WHERE id IN (SELECT b.id FROM b JOIN c USING (id))"));
        assertFalse(matches("DELETE FROM a ORDER BY id LIMIT 2"));
        assertFalse(matches("SELECT * FROM a JOIN b"));
    }
}
