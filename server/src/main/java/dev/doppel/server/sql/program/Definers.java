package dev.doppel.server.sql.program;

import dev.doppel.plugin.MySqlError;
import dev.doppel.server.security.PrivilegeChecker;

/** DEFINER = user of a stored program: another account than one's own needs SET_ANY_DEFINER or SUPER (1227). */
public final class Definers {
    private Definers() {
    }

    public static void requireMayName(PrivilegeChecker privileges, String user, String host, boolean given) {
        boolean self = user.equals(privileges.account().user()) && host.equalsIgnoreCase(privileges.account().host());
        if (given && !self && !privileges.hasGlobal("SET_ANY_DEFINER") && !privileges.hasGlobal("SUPER")) {
            throw MySqlError.ER_SPECIFIC_ACCESS_DENIED_ERROR.exception("SUPER or SET_ANY_DEFINER");
        }
    }
}
