package dev.doppel.server.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatedConnectionsTest {
    @Test
    void onlyAPlainSelectRunsOutsideTheGate() {
        assertFalse(GatedConnections.mayWrite("SELECT 1"));
        assertFalse(GatedConnections.mayWrite("  (select a from t) union (select b from u)"));
        assertTrue(GatedConnections.mayWrite("SELECT * FROM t WHERE id = 1 FOR UPDATE"));
        assertTrue(GatedConnections.mayWrite("select * from t for share"));
        assertTrue(GatedConnections.mayWrite("SELECT NEXT VALUE FOR s"));
        assertTrue(GatedConnections.mayWrite("INSERT INTO t VALUES (1)"));
        assertTrue(GatedConnections.mayWrite("WITH x AS (SELECT 1) SELECT * FROM x"));
        assertTrue(GatedConnections.mayWrite("CREATE TABLE t (a INT)"));
        assertTrue(GatedConnections.mayWrite(null));
    }
}
